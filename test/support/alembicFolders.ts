// Alembic project folders written by a test, and read the way the Alembic format reads them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { alembicVersionDirsFor } from '../../src-main/migrations/readers/alembicIni';
import { readAlembicProject } from '../../src-main/migrations/readers/alembicReader';

/** Writes `files` (path relative to `root` → text), making their folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export function readAlembicFolder(dir: string) {
  const layout = alembicVersionDirsFor(dir);
  return readAlembicProject(dir, layout.dirs, layout.recursive);
}

/** An env.py that runs without the application: the URL is Alembic's sqlalchemy.url (which Switchyard sets), online and offline. */
export const plainAlembicEnv = `from logging.config import fileConfig
from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
fileConfig(config.config_file_name)
if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
`;
