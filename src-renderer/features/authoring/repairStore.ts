// The Graph tab's repairs (a new revision, a merge of heads, a re-parent): the dialog's preview, the
// write of exactly that preview, and the Undo offered after it until the next write.
import { create } from 'zustand';
import type { AuthoringAction, AuthoringPreview, AuthoringRequest } from '../../../src-shared/model/authoring';
import type { WriteResult } from '../../../src-shared/model/writePlan';
import { asError, call, type ShownError } from '../../api/client';

/** The last write made from this window, shown with Undo until the next one or its undo. */
export interface RepairDone {
  preview: AuthoringPreview;
  result: WriteResult;
}

interface RepairState {
  /** The open dialog's action, or undefined when none is open. */
  action: AuthoringAction | undefined;
  /** The migrations folder the dialog writes into (the connection's project). */
  project: string | undefined;
  previewing: boolean;
  preview: AuthoringPreview | undefined;
  writing: boolean;
  error: ShownError | undefined;
  done: RepairDone | undefined;
  /** What the last Undo put back, until the next write. */
  undone: WriteResult | undefined;
  undoing: boolean;
  undoError: ShownError | undefined;
  /** Increments after every write and undo, so the graph reads the project again. */
  writesFinished: number;
  openDialog(action: AuthoringAction, project: string): void;
  /** Asks for the preview of a request; a newer request's answer replaces an older one's. */
  showPreview(request: AuthoringRequest): Promise<void>;
  /** The form changed: the preview shown no longer says what Write would write. */
  forgetPreview(): void;
  /** Writes exactly the preview shown; `force`: also over files with uncommitted git changes. */
  write(force: boolean): Promise<void>;
  undo(): Promise<void>;
  close(): void;
}

export const useRepair = create<RepairState>((set, get) => {
  let asked: AuthoringRequest | undefined;
  return {
    action: undefined,
    project: undefined,
    previewing: false,
    preview: undefined,
    writing: false,
    error: undefined,
    done: undefined,
    undone: undefined,
    undoing: false,
    undoError: undefined,
    writesFinished: 0,

    openDialog(action, project) {
      asked = undefined;
      set({ action, project, preview: undefined, previewing: false, writing: false, error: undefined });
    },

    async showPreview(request) {
      asked = request;
      set({ previewing: true, preview: undefined, error: undefined });
      try {
        const preview = await call('authoring.preview', { request });
        if (asked === request) set({ preview, previewing: false });
      } catch (error) {
        if (asked === request) set({ previewing: false, error: asError(error) });
      }
    },

    forgetPreview() {
      asked = undefined;
      set({ preview: undefined, previewing: false, error: undefined });
    },

    async write(force) {
      const { preview } = get();
      if (!preview) return;
      set({ writing: true, error: undefined });
      try {
        const result = await call('authoring.write', { previewId: preview.previewId, force });
        set((state) => ({
          writing: false,
          action: undefined,
          preview: undefined,
          done: { preview, result },
          undone: undefined,
          undoError: undefined,
          writesFinished: state.writesFinished + 1,
        }));
      } catch (error) {
        set({ writing: false, error: asError(error) });
      }
    },

    async undo() {
      const { done } = get();
      if (!done) return;
      set({ undoing: true, undoError: undefined });
      try {
        const undone = await call('authoring.undo', { project: done.preview.project });
        set((state) => ({ undoing: false, done: undefined, undone, writesFinished: state.writesFinished + 1 }));
      } catch (error) {
        set({ undoing: false, undoError: asError(error) });
      }
    },

    close() {
      asked = undefined;
      set({ action: undefined, preview: undefined, previewing: false, writing: false, error: undefined });
    },
  };
});
