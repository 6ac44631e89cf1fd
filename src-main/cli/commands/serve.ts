// `switchyard serve`: the app in a browser, for machines without Electron (and for e2e tests).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findAboveCode } from '../../codeLocation';
import { startHost } from '../../host/server';
import type { Command } from '../command';
import { openServices } from '../openServices';
import { say, UsageError } from '../output';
import { parseFlags } from '../parseFlags';

const usage = `Usage: switchyard serve [--port N] [--renderer DIR] [--no-demo]

Starts the browser host on 127.0.0.1 and prints the URL to open, with its one-run token.
With SWITCHYARD_PASSPHRASE set the store opens at once; otherwise the page asks for the passphrase.
When this creates the store (a first run), it also creates the demo workspace, unless --no-demo
(or SWITCHYARD_DEMO=off) is given.`;

// Found by walking up from the code, so the sources (tsx) and the bundle (dist/cli) agree.
const defaultRendererDir = findAboveCode('dist/renderer') ?? resolve('dist/renderer');

async function run(args: string[]): Promise<number> {
  const { values } = parseFlags(args, { options: { port: { type: 'string' }, renderer: { type: 'string' }, 'no-demo': { type: 'boolean' } } }, usage);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be between 0 and 65535');
  const rendererDir = resolve(values.renderer ?? defaultRendererDir);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new UsageError(`No built renderer in ${rendererDir}: run \`npm run build:renderer\` (or use \`npm run serve\`).`);
  }
  // Without SWITCHYARD_PASSPHRASE the store stays locked and the page asks for the passphrase.
  const services = await openServices({ store: 'unattended', servesBrowser: true, firstRunDemo: !values['no-demo'] && process.env.SWITCHYARD_DEMO !== 'off' });
  const host = await startHost({ services, rendererDir, port });
  say(`Switchyard is serving ${services.dataDir} — open this URL in a browser on this machine:\n${host.url}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      void host.close().then(() => {
        services.close();
        done();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the app to a browser on 127.0.0.1 (token-protected)',
  usage,
  run,
};
