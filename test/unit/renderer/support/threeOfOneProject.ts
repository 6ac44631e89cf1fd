// Three connections of one project through the real services: the demo (dev) and two empty SQLite copies.
import { join } from 'node:path';
import { call } from '../../../../src-renderer/api/client';
import { tempDir } from '../../../support/tempDir';
import { openServices } from './servicesBridge';

export async function threeOfOneProject() {
  await openServices();
  const dev = await call('profiles.createDemo', {});
  const copy = (name: string) =>
    call('profiles.create', {
      profile: {
        name,
        environment: 'staging',
        engine: 'sqlite',
        host: '',
        port: 5432,
        database: '',
        user: '',
        sslMode: 'disable',
        sqlitePath: join(tempDir(), `${name}.sqlite`),
        projectDir: dev.projectDir,
      },
    });
  return { dev, staging: await copy('Staging copy'), prod: await copy('Prod copy') };
}
