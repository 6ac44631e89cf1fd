// The CLI on a data folder whose store exists already, made with a cheap key derivation
// (cheapKeyStore.ts). For tests about what the CLI does with a store, not about making one (storeCli,
// the weak-passphrase refusal and the first run keep making theirs through the CLI).
import { storeWithCheapKey } from './cheapKeyStore';
import { Cli } from './cliProcess';

export { cheapKeyCost, storeWithCheapKey } from './cheapKeyStore';

/** Makes the store of `SWITCHYARD_HOME`, opened with `SWITCHYARD_PASSPHRASE`, then the CLI on it with `env`. */
export async function cliWithStore(env: Record<string, string> & { SWITCHYARD_HOME: string; SWITCHYARD_PASSPHRASE: string }): Promise<Cli> {
  await storeWithCheapKey(env.SWITCHYARD_HOME, env.SWITCHYARD_PASSPHRASE);
  return new Cli(env);
}
