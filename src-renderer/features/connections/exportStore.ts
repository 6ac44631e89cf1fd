// The Export connections dialog's state: which connections, as an encrypted bundle (with their
// passwords and SSH secrets, under a passphrase the user chooses) or as pgAdmin's servers.json (no
// passwords), made by the same service as `switchyard profiles export` and saved as a download.
import { create } from 'zustand';
import type { ProfileExport } from '../../../src-shared/api';
import { passphraseWeakness } from '../../../src-shared/model/passphraseStrength';
import { asError, call, type ShownError } from '../../api/client';
import { downloadFile } from '../inventory/exportFile';

export type ExportFormat = 'bundle' | 'pgadmin';

export const exportFileNames: Record<ExportFormat, string> = { bundle: 'connections.switchyard-bundle.json', pgadmin: 'servers.json' };

interface ExportState {
  open: boolean;
  /** Names of the connections left out (every connection is in until unticked). */
  unticked: string[];
  format: ExportFormat;
  passphrase: string;
  repeat: string;
  busy: boolean;
  error: ShownError | undefined;
  exported: (ProfileExport & { fileName: string; format: ExportFormat }) | undefined;
  show(): void;
  close(): void;
  tick(name: string, ticked: boolean): void;
  setFormat(format: ExportFormat): void;
  setPassphrase(passphrase: string): void;
  setRepeat(repeat: string): void;
  /** Makes the file from the connections ticked among `all`, and hands it to the download. */
  run(all: string[]): Promise<void>;
  save(): void;
}

const fresh = { unticked: [], format: 'bundle' as ExportFormat, passphrase: '', repeat: '', busy: false, error: undefined, exported: undefined };

/** Why the bundle's passphrase cannot be used yet (the store's rule, or the two differ), else undefined. */
export function passphraseProblem(passphrase: string, repeat: string): string | undefined {
  if (!passphrase) return 'Choose the passphrase your colleague will type to import it.';
  const weakness = passphraseWeakness(passphrase);
  if (weakness) return weakness;
  if (repeat !== passphrase) return 'The passphrases do not match.';
  return undefined;
}

export const useExport = create<ExportState>((set, get) => ({
  open: false,
  ...fresh,
  show: () => set({ open: true, ...fresh }),
  close: () => set({ open: false, ...fresh }),
  tick: (name, ticked) => set((s) => ({ unticked: ticked ? s.unticked.filter((n) => n !== name) : [...s.unticked, name], exported: undefined })),
  setFormat: (format) => set({ format, exported: undefined, error: undefined }),
  setPassphrase: (passphrase) => set({ passphrase, exported: undefined }),
  setRepeat: (repeat) => set({ repeat, exported: undefined }),
  async run(all) {
    const { unticked, format, passphrase } = get();
    const names = all.filter((name) => !unticked.includes(name));
    // An empty list would mean every connection to the service: nothing ticked is refused here.
    if (names.length === 0) return set({ error: { code: 'E_INVALID_INPUT', message: 'Tick at least one connection to export.' } });
    set({ busy: true, error: undefined, exported: undefined });
    try {
      const made = format === 'bundle' ? await call('profiles.exportBundle', { names, passphrase }) : await call('profiles.exportPgadmin', { names });
      set({ exported: { ...made, format, fileName: exportFileNames[format] }, busy: false, passphrase: '', repeat: '' });
      get().save();
    } catch (error) {
      set({ error: asError(error), busy: false });
    }
  },
  save() {
    const exported = get().exported;
    if (exported) downloadFile(exported.fileName, exported.text, 'application/json');
  },
}));
