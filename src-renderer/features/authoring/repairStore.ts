// The Graph tab's repairs (a new revision, a merge of heads, a re-parent): the dialog's preview, the
// write of exactly that preview, and the Undo offered after it — or after a squash — until the next write.
import { create } from 'zustand';
import type { AuthoringAction, AuthoringPreview, AuthoringRequest, StampCheck } from '../../../src-shared/model/authoring';
import type { WriteResult } from '../../../src-shared/model/writePlan';
import { asError, call, type ShownError } from '../../api/client';
import { previewedWrite, type PreviewedWrite } from './previewedWrite';

/** The last write made from this window (a repair's or a squash's), shown with Undo until the next one or its undo. */
export interface RepairDone {
  /** The folder written, which Undo puts back. */
  project: string;
  headsAfter: string[];
  result: WriteResult;
  /** The stamps the connections bound to the project need now (a re-parent's, a squash's), offered through the run dialog. */
  stamps: StampCheck | null;
}

interface RepairState extends PreviewedWrite<AuthoringRequest, AuthoringPreview> {
  /** The open dialog's action, or undefined when none is open. */
  action: AuthoringAction | undefined;
  /** The migrations folder the dialog writes into (the connection's project). */
  project: string | undefined;
  done: RepairDone | undefined;
  /** What the last Undo put back, until the next write. */
  undone: WriteResult | undefined;
  undoing: boolean;
  undoError: ShownError | undefined;
  /** Increments after every write and undo, so the graph reads the project again. */
  writesFinished: number;
  openDialog(action: AuthoringAction, project: string): void;
  /** Writes exactly the preview shown; `force`: also over files with uncommitted git changes. */
  write(force: boolean): Promise<void>;
  /** A write made by another dialog of the Graph tab (Squash) on `folder` (the connection's project): shown with Undo like a repair's. */
  recordWrite(done: RepairDone, folder: string): void;
  undo(): Promise<void>;
  close(): void;
}

export const useRepair = create<RepairState>((set, get) => {
  const flow = previewedWrite(set, {
    preview: (request: AuthoringRequest) => call('authoring.preview', { request }),
    write: (previewId, force) => call('authoring.write', { previewId, force }),
  });
  return {
    ...flow.state,
    action: undefined,
    project: undefined,
    done: undefined,
    undone: undefined,
    undoing: false,
    undoError: undefined,
    writesFinished: 0,

    openDialog(action, project) {
      set({ action, project, ...flow.cleared() });
    },

    async write(force) {
      const { preview } = get();
      if (!preview) return;
      const result = await flow.write(preview, force);
      if (!result) return;
      set({ writing: false, action: undefined, preview: undefined });
      get().recordWrite({ project: preview.project, headsAfter: preview.graph.headsAfter, result, stamps: preview.stamps }, get().project ?? preview.project);
    },

    recordWrite(done, folder) {
      set((state) => ({ project: folder, done, undone: undefined, undoError: undefined, writesFinished: state.writesFinished + 1 }));
    },

    async undo() {
      const { done } = get();
      if (!done) return;
      set({ undoing: true, undoError: undefined });
      try {
        const undone = await call('authoring.undo', { project: done.project });
        set((state) => ({ undoing: false, done: undefined, undone, writesFinished: state.writesFinished + 1 }));
      } catch (error) {
        set({ undoing: false, undoError: asError(error) });
      }
    },

    close() {
      set({ action: undefined, ...flow.cleared() });
    },
  };
});
