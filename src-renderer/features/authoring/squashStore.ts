// Squash on the Graph tab: the dialog's run (FIRST..the selected revision), its preview with the proof,
// and the write of exactly that preview — then shown with Undo like a repair's (repairStore).
import { create } from 'zustand';
import type { SquashPreview, SquashRequest } from '../../../src-shared/model/squash';
import { call } from '../../api/client';
import { previewedWrite, type PreviewedWrite } from './previewedWrite';
import { useRepair } from './repairStore';
import { squashStamps } from './squashChoices';

// showPreview plans the squash and proves it (the replays take seconds); error is also a refusal (not a
// straight line, a connection inside the run, …); write writes only a proven preview.
interface SquashState extends PreviewedWrite<SquashRequest, SquashPreview> {
  /** The dialog is open on this folder (the connection's project), the run ending at `last`. */
  project: string | undefined;
  last: string | undefined;
  openDialog(project: string, last: string): void;
  /** Writes exactly the preview shown, when proven; `force`: also over files with uncommitted git changes. */
  write(force: boolean): Promise<void>;
  close(): void;
}

export const useSquash = create<SquashState>((set, get) => {
  const flow = previewedWrite(set, {
    preview: (request: SquashRequest) => call('squashes.preview', { request }),
    write: (previewId, force) => call('squashes.write', { previewId, force }),
  });
  return {
    ...flow.state,
    project: undefined,
    last: undefined,

    openDialog(project, last) {
      set({ project, last, ...flow.cleared() });
    },

    async write(force) {
      const { preview, project } = get();
      if (!preview?.proof.proven || !project) return;
      const result = await flow.write(preview, force);
      if (!result) return;
      set({ project: undefined, last: undefined, preview: undefined, writing: false });
      useRepair.getState().recordWrite({ project: preview.project, headsAfter: preview.graph.headsAfter, result, stamps: squashStamps(preview) }, project);
    },

    close() {
      set({ project: undefined, last: undefined, ...flow.cleared() });
    },
  };
});
