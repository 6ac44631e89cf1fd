// The Import connections dialog's state: a file chosen (or text pasted), read by the main process into
// a preview of what would be created — duplicates, SSH routes, passwords and what could not be read, all
// said — then imported through the same service as `switchyard profiles import`. The preview never
// carries a password; a bundle's passphrase is only what the user typed.
import { create } from 'zustand';
import type { ImportPreview, ImportResult, ImportSource } from '../../../src-shared/model/profileImport';
import { importFileLimit, looksLikeBundle } from '../../../src-shared/model/profileImport';
import { countOf } from '../../../src-shared/format/plural';
import { asError, call, type ShownError } from '../../api/client';
import { useConnections } from './connectionsStore';

/** A file as the dialog holds it: its name (which helps tell the tool that wrote it) and its text. */
export interface ChosenFile {
  name: string;
  text: string;
}

export type ImportFrom = ImportSource | 'detect';

interface ImportState {
  open: boolean;
  /** The chosen file; pasted text is a file without a name. */
  file: ChosenFile | undefined;
  from: ImportFrom;
  /** DBeaver's credentials-config.json, base64 (it is encrypted bytes). */
  credentials: { name: string; base64: string } | undefined;
  passphrase: string;
  includeDuplicates: boolean;
  preview: ImportPreview | undefined;
  result: ImportResult | undefined;
  busy: 'previewing' | 'importing' | undefined;
  error: ShownError | undefined;
  show(): void;
  close(): void;
  choose(file: ChosenFile): void;
  paste(text: string): void;
  setFrom(from: ImportFrom): void;
  setCredentials(credentials: { name: string; base64: string } | undefined): void;
  setPassphrase(passphrase: string): void;
  setIncludeDuplicates(include: boolean): void;
  runPreview(): Promise<void>;
  runImport(): Promise<void>;
}

const fresh = {
  file: undefined,
  from: 'detect' as ImportFrom,
  credentials: undefined,
  passphrase: '',
  includeDuplicates: false,
  preview: undefined,
  result: undefined,
  busy: undefined,
  error: undefined,
};

/** Whether the file needs a bundle passphrase before it can be previewed. */
export function needsPassphrase(file: ChosenFile | undefined, from: ImportFrom): boolean {
  return from === 'bundle' || (from === 'detect' && file !== undefined && looksLikeBundle(file.text));
}

/** Why the file cannot be sent as it is (too large for the app: the CLI reads any size), else undefined. */
export function fileRefusal(file: ChosenFile | undefined): string | undefined {
  if (!file || file.text.length <= importFileLimit) return undefined;
  return `${file.name || 'The pasted text'} is ${countOf(file.text.length, 'character')}; the app imports up to ${importFileLimit.toLocaleString('en')}. Import it with switchyard profiles import instead.`;
}

/** Bytes as base64, for a file that is not text (DBeaver's encrypted credentials). */
export function base64Of(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export const useImport = create<ImportState>((set, get) => {
  /** Any change to what is read makes the preview stale: it goes, and is asked for again. */
  const changed = (patch: Partial<ImportState>) => set({ ...patch, preview: undefined, result: undefined, error: undefined });
  const request = () => {
    const { file, from, credentials, passphrase } = get();
    if (!file) throw new Error('Choose a file, or paste its text, first.');
    const refusal = fileRefusal(file);
    if (refusal) throw new Error(refusal);
    return {
      text: file.text,
      ...(from !== 'detect' ? { from } : {}),
      ...(file.name ? { fileName: file.name } : {}),
      ...(credentials ? { credentials: credentials.base64 } : {}),
      ...(needsPassphrase(file, from) && passphrase ? { passphrase } : {}),
    };
  };
  return {
    open: false,
    ...fresh,
    show: () => set({ open: true, ...fresh }),
    close: () => set({ open: false, ...fresh }),
    choose: (file) => changed({ file }),
    paste: (text) => changed({ file: text ? { name: '', text } : undefined }),
    setFrom: (from) => changed({ from }),
    setCredentials: (credentials) => changed({ credentials }),
    setPassphrase: (passphrase) => changed({ passphrase }),
    setIncludeDuplicates: (includeDuplicates) => set({ includeDuplicates, result: undefined }),
    async runPreview() {
      set({ busy: 'previewing', error: undefined, preview: undefined, result: undefined });
      try {
        set({ preview: await call('profiles.importPreview', request()), busy: undefined });
      } catch (error) {
        set({ error: asError(error), busy: undefined });
      }
    },
    async runImport() {
      set({ busy: 'importing', error: undefined });
      try {
        const result = await call('profiles.import', { ...request(), includeDuplicates: get().includeDuplicates });
        set({ result, preview: result, busy: undefined });
        await useConnections.getState().load();
      } catch (error) {
        set({ error: asError(error), busy: undefined });
      }
    },
  };
});
