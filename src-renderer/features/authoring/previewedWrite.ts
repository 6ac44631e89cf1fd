// The part of a Graph tab dialog's store (Repair, Squash) that shows a preview and then writes exactly
// that preview: asking for it (only the latest question's answer shown), forgetting it when the form
// changes, and the write by the preview's id, its failure kept to show.
import { asError, type ShownError } from '../../api/client';
import { latestAsk } from './latestAsk';

export interface PreviewedWrite<Request, Preview> {
  previewing: boolean;
  preview: Preview | undefined;
  writing: boolean;
  /** A refusal of the preview or a failed write: nothing was written. */
  error: ShownError | undefined;
  /** Asks for the preview of a request; a newer request's answer replaces an older one's. */
  showPreview(request: Request): Promise<void>;
  /** The form changed: the preview shown no longer says what Write would write. */
  forgetPreview(): void;
}

interface Methods<Request, Preview, Written> {
  preview(request: Request): Promise<Preview>;
  write(previewId: string, force: boolean): Promise<Written>;
}

export function previewedWrite<Request, Preview extends { previewId: string }, Written>(
  set: (state: Partial<PreviewedWrite<Request, Preview>>) => void,
  methods: Methods<Request, Preview, Written>,
) {
  const previews = latestAsk(methods.preview, ({ answer, error }) => set({ preview: answer, error, previewing: false }));
  const state: PreviewedWrite<Request, Preview> = {
    previewing: false,
    preview: undefined,
    writing: false,
    error: undefined,

    async showPreview(request) {
      set({ previewing: true, preview: undefined, error: undefined });
      await previews.ask(request);
    },

    forgetPreview() {
      previews.forget();
      set({ preview: undefined, previewing: false, error: undefined });
    },
  };
  return {
    state,
    /** The dialog opens or closes: an answer on its way is dropped, and nothing is shown or being written. */
    cleared() {
      previews.forget();
      return { preview: undefined, previewing: false, writing: false, error: undefined };
    },
    /** Writes `preview` (`force`: also over files with uncommitted git changes); undefined when it failed, the failure kept in `error`. */
    async write(preview: Preview, force: boolean): Promise<Written | undefined> {
      set({ writing: true, error: undefined });
      try {
        const written = await methods.write(preview.previewId, force);
        previews.forget();
        return written;
      } catch (error) {
        set({ writing: false, error: asError(error) });
        return undefined;
      }
    },
  };
}
