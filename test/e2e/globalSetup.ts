// A real PostgreSQL for the end-to-end run; its address reaches the tests through the environment.
import { startPostgres } from '../support/embeddedPostgres';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startPostgres();
  process.env.E2E_PG = JSON.stringify({ host: server.host, port: server.port, user: server.user, password: server.password });
  return () => server.stop();
}
