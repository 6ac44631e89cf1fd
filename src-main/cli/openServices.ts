// The CLI's services: the same composition root as the app, and the one place the CLI unlocks the
// store with the master passphrase.
import type { ApiInput, ApiMethod, ApiOutput } from '../../src-shared/api';
import { SwitchyardError } from '../../src-shared/errors';
import { defaultDataDir } from '../paths';
import { actorName, createServices, type Services } from '../services';
import { passphraseKeyProvider } from '../store/keyProvider';
import { logInternalError } from './cliLog';
import { passphraseFromEnvOrPrompt } from './prompt';

export interface OpenOptions {
  /**
   * `required`: the passphrase from SWITCHYARD_PASSPHRASE or a prompt. `unattended`: opened only when
   * SWITCHYARD_PASSPHRASE is set (a --url run audits there when it can; serve asks in the page).
   */
  store?: 'required' | 'unattended';
  firstRunDemo?: boolean;
  /** A host serving a browser: no PGPASSWORD for URL targets, whoever asks. */
  servesBrowser?: boolean;
}

export async function openServices({ store = 'required', firstRunDemo = false, servesBrowser = false }: OpenOptions = {}): Promise<Services> {
  const dataDir = defaultDataDir();
  // Unexpected errors go to the CLI's log in full; the terminal gets their code and the log's path.
  const services = createServices({
    dataDir,
    firstRunDemo,
    urlPassword: servesBrowser ? undefined : process.env.PGPASSWORD,
    onUnexpectedError: (method, error) => logInternalError(method, error, dataDir),
  });
  const passphrase = store === 'required' ? await passphraseFromEnvOrPrompt(services.session.status().storeExists) : process.env.SWITCHYARD_PASSPHRASE;
  if (passphrase) await services.session.unlock(passphraseKeyProvider(passphrase));
  return services;
}

/** Calls the API exactly as the UI does (same validation, same errors), throwing on failure. */
export async function call<M extends ApiMethod>(services: Services, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await services.dispatch(method, input, { actor: actorName('cli') });
  if (!result.ok) throw new SwitchyardError(result.error.code, result.error.message, result.error.detail);
  return result.value as ApiOutput<M>;
}
