// A data folder whose store exists already, made with a cheap key derivation. The cost is recorded
// beside the store (store.kdf.json), so every CLI process the test starts derives its key in
// milliseconds instead of spending most of a second on scrypt at the default cost. For tests about
// what the CLI does with a store, not about making one (storeCli, the weak-passphrase refusal and the
// first run keep making theirs through the CLI).
import { createServices } from '../../src-main/services';
import { passphraseKeyProvider } from '../../src-main/store/keyProvider';
import { Cli } from './cliProcess';

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

/** Makes the store of `SWITCHYARD_HOME`, opened with `SWITCHYARD_PASSPHRASE`, then the CLI on it with `env`. */
export async function cliWithStore(env: Record<string, string> & { SWITCHYARD_HOME: string; SWITCHYARD_PASSPHRASE: string }): Promise<Cli> {
  await storeWithCheapKey(env.SWITCHYARD_HOME, env.SWITCHYARD_PASSPHRASE);
  return new Cli(env);
}
