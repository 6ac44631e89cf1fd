// The project's Matrix tab: the matrix read through matrix.load, and the promotion dialog of one pair
// of neighbouring environments (its preview, what the user types, the run and its record).
import { create } from 'zustand';
import type { OperationEventOf } from '../../../src-shared/api';
import { promotionMarkdown } from '../../../src-shared/matrix/promotionMarkdown';
import type { Matrix } from '../../../src-shared/model/matrix';
import type { PromotionGate, PromotionPreview, PromotionRecord, PromotionRecordTarget } from '../../../src-shared/model/promotion';
import { asError, call, type ShownError } from '../../api/client';
import { followOperation } from '../../api/operationEvents';

export interface PromotionDraft {
  from: string;
  to: string;
  preview: PromotionPreview | undefined;
  typedName: string;
  approvedBy: string;
  approvalNote: string;
  /** Run without rehearsing the staging and production connections on clones first (said on each row and in the record). */
  skipRehearsal: boolean;
  /** The gates as the last run decided them (a refusal names each), else the preview's. */
  gates: PromotionGate[] | undefined;
  /** How the run ended: succeeded, or failed part-way (each connection's line says what it applied, where it failed, or that it did not start). A refusal keeps none: the dialog can be tried again. */
  record: PromotionRecord | undefined;
  /** While it runs: each connection's line as the run last reported it, by its index in the run order. */
  progress: Record<number, PromotionRecordTarget>;
  /** The index of the connection whose upgrade runs now. */
  running: number | undefined;
  log: string[];
  busy: 'previewing' | 'running' | undefined;
  failure: ShownError | undefined;
}

interface MatrixState {
  project: string | undefined;
  matrix: Matrix | undefined;
  loading: boolean;
  failure: ShownError | undefined;
  promotion: PromotionDraft | undefined;
  open(project: string): Promise<void>;
  reload(): Promise<void>;
  openPromotion(from: string, to: string): Promise<void>;
  editPromotion(change: Partial<Pick<PromotionDraft, 'typedName' | 'approvedBy' | 'approvalNote' | 'skipRehearsal'>>): void;
  promote(): Promise<void>;
  closePromotion(): void;
}

/** Whether the dialog's Promote may be pressed: the preview read, no gate failed, what production asks typed. */
export function promotionReady(draft: PromotionDraft): boolean {
  const { preview } = draft;
  if (!preview || draft.busy || draft.record) return false;
  if (preview.gates.some((g) => g.status === 'failed')) return false;
  const asks = (name: PromotionGate['name']) => preview.gates.some((g) => g.name === name && g.status === 'required');
  if (asks('confirmation') && draft.typedName.trim() === '') return false;
  if (asks('approval') && (draft.approvedBy.trim() === '' || draft.approvalNote.trim() === '')) return false;
  return true;
}

/** The record as a file to keep: Markdown for people, JSON for scripts. */
export function promotionFile(record: PromotionRecord, format: 'markdown' | 'json'): { fileName: string; mediaType: string; text: string } {
  const stem = `promotion-${record.project}-${record.from}-to-${record.to}-${record.at.slice(0, 19).replace(/[:T]/g, '-')}`.toLowerCase();
  return format === 'markdown'
    ? { fileName: `${stem}.md`, mediaType: 'text/markdown', text: promotionMarkdown(record) }
    : { fileName: `${stem}.json`, mediaType: 'application/json', text: `${JSON.stringify(record, null, 2)}\n` };
}

function recordOf(detail: unknown): PromotionRecord | undefined {
  return typeof detail === 'object' && detail !== null ? (detail as { record?: PromotionRecord }).record : undefined;
}

export const useMatrix = create<MatrixState>((set, get) => {
  const patchPromotion = (change: Partial<PromotionDraft>) => {
    const current = get().promotion;
    if (current) set({ promotion: { ...current, ...change } });
  };
  return {
    project: undefined,
    matrix: undefined,
    loading: false,
    failure: undefined,
    promotion: undefined,

    async open(project) {
      if (get().project !== project) set({ project, matrix: undefined, promotion: undefined, failure: undefined });
      await get().reload();
    },

    async reload() {
      const { project } = get();
      if (!project) return;
      set({ loading: true, failure: undefined });
      try {
        const matrix = await call('matrix.load', { project });
        if (get().project === project) set({ matrix });
      } catch (error) {
        set({ failure: asError(error) });
      } finally {
        set({ loading: false });
      }
    },

    async openPromotion(from, to) {
      const { project } = get();
      if (!project) return;
      set({
        promotion: {
          from,
          to,
          preview: undefined,
          typedName: '',
          approvedBy: '',
          approvalNote: '',
          skipRehearsal: false,
          gates: undefined,
          record: undefined,
          progress: {},
          running: undefined,
          log: [],
          busy: 'previewing',
          failure: undefined,
        },
      });
      try {
        const preview = await call('promotion.preview', { project, from, to });
        patchPromotion({ preview, gates: preview.gates });
      } catch (error) {
        patchPromotion({ failure: asError(error) });
      } finally {
        patchPromotion({ busy: undefined });
      }
    },

    editPromotion(change) {
      patchPromotion({ ...change, failure: undefined });
    },

    async promote() {
      const { project, promotion } = get();
      if (!project || !promotion?.preview) return;
      const { preview } = promotion;
      const asks = (name: PromotionGate['name']) => preview.gates.some((g) => g.name === name && g.status === 'required');
      patchPromotion({ busy: 'running', failure: undefined, log: [], progress: {}, running: undefined });
      let finished: (() => void) | undefined;
      const ended = new Promise<void>((resolve) => (finished = resolve));
      const onEvent = (message: OperationEventOf<'promotion.run'>) => {
        if (message.event === 'op.log') patchPromotion({ log: [...(get().promotion?.log ?? []), message.payload.line] });
        else if (message.event === 'op.progress' && message.payload.detail) {
          const { index, running, target } = message.payload.detail;
          patchPromotion({ progress: { ...get().promotion?.progress, [index]: target }, running: running ? index : undefined });
        } else if (message.event === 'op.done') {
          if (message.payload.ok) patchPromotion({ record: message.payload.result, gates: message.payload.result.gates, running: undefined });
          else {
            const ended = recordOf(message.payload.error.detail);
            patchPromotion({
              failure: { code: message.payload.error.code, message: message.payload.error.message },
              running: undefined,
              ...(ended ? { gates: ended.gates } : {}),
              ...(ended?.outcome === 'failed' ? { record: ended } : {}),
            });
          }
          finished?.();
        }
      };
      try {
        await followOperation(
          'promotion.run',
          {
            project,
            from: promotion.from,
            to: promotion.to,
            confirmation: asks('confirmation') ? { typedName: promotion.typedName.trim() } : {},
            ...(asks('approval') ? { approval: { by: promotion.approvedBy, note: promotion.approvalNote } } : {}),
            rehearsal: promotion.skipRehearsal ? 'skip' : 'protected',
          },
          onEvent,
        );
        await ended;
        await get().reload();
      } catch (error) {
        patchPromotion({ failure: asError(error) });
      } finally {
        patchPromotion({ busy: undefined });
      }
    },

    closePromotion() {
      set({ promotion: undefined });
    },
  };
});
