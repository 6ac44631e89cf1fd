// A data folder whose store exists already, made with a cheap key derivation. The cost is recorded
// beside the store (store.kdf.json), so every process that opens it (the CLI, `switchyard serve`)
// derives its key in milliseconds instead of spending most of a second on scrypt at the default cost.
// For tests about what is done with a store, not about making one. No Vitest here: the end-to-end
// specs (Playwright) use it too.
import { createServices } from '../../src-main/services';
import { passphraseKeyProvider } from '../../src-main/store/keyProvider';

/** scrypt at N = 2^10: real scrypt, the same store, a sixty-fourth of the default's work. */
export const cheapKeyCost = { N: 1024, r: 8, p: 1 };

/** Makes the store in `home`, opened with `passphrase`; returns `home`. */
export async function storeWithCheapKey(home: string, passphrase: string): Promise<string> {
  const services = createServices({ dataDir: home });
  try {
    await services.session.unlock(passphraseKeyProvider(passphrase, cheapKeyCost));
  } finally {
    services.close();
  }
  return home;
}
