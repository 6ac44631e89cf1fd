// Squash on the Graph tab: the dialog's run (FIRST..the selected revision), its preview with the proof,
// and the write of exactly that preview — then shown with Undo like a repair's (repairStore).
import { create } from 'zustand';
import type { SquashPreview, SquashRequest } from '../../../src-shared/model/squash';
import { asError, call, type ShownError } from '../../api/client';
import { latestAsk } from './latestAsk';
import { useRepair } from './repairStore';
import { squashStamps } from './squashChoices';

interface SquashState {
  /** The dialog is open on this folder (the connection's project), the run ending at `last`. */
  project: string | undefined;
  last: string | undefined;
  previewing: boolean;
  preview: SquashPreview | undefined;
  writing: boolean;
  /** A refusal (not a straight line, a connection inside the run, …) or a failed write: nothing was written. */
  error: ShownError | undefined;
  openDialog(project: string, last: string): void;
  /** Plans the squash and proves it (the replays take seconds); a newer request's answer replaces an older one's. */
  showPreview(request: SquashRequest): Promise<void>;
  /** The form changed: the preview shown no longer says what Write would write. */
  forgetPreview(): void;
  /** Writes exactly the preview shown, when proven; `force`: also over files with uncommitted git changes. */
  write(force: boolean): Promise<void>;
  close(): void;
}

export const useSquash = create<SquashState>((set, get) => {
  const previews = latestAsk(
    (request: SquashRequest) => call('squashes.preview', { request }),
    ({ answer, error }) => set({ preview: answer, error, previewing: false }),
  );
  return {
    project: undefined,
    last: undefined,
    previewing: false,
    preview: undefined,
    writing: false,
    error: undefined,

    openDialog(project, last) {
      previews.forget();
      set({ project, last, preview: undefined, previewing: false, writing: false, error: undefined });
    },

    async showPreview(request) {
      set({ previewing: true, preview: undefined, error: undefined });
      await previews.ask(request);
    },

    forgetPreview() {
      previews.forget();
      set({ preview: undefined, previewing: false, error: undefined });
    },

    async write(force) {
      const { preview, project } = get();
      if (!preview?.proof.proven || !project) return;
      set({ writing: true, error: undefined });
      try {
        const result = await call('squashes.write', { previewId: preview.previewId, force });
        previews.forget();
        set({ project: undefined, last: undefined, preview: undefined, writing: false });
        useRepair.getState().recordWrite({ project: preview.project, headsAfter: preview.graph.headsAfter, result, stamps: squashStamps(preview) }, project);
      } catch (error) {
        set({ writing: false, error: asError(error) });
      }
    },

    close() {
      previews.forget();
      set({ project: undefined, last: undefined, preview: undefined, previewing: false, writing: false, error: undefined });
    },
  };
});
