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

/** One revision file that creates `table` (and drops it on downgrade), with its parents and branch labels. */
export function alembicRevision(id: string, parents: string[], table: string, labels: string[] = []): string {
  return [
    `"""${table}`,
    '',
    `Revision ID: ${id}`,
    '"""',
    'from alembic import op',
    'import sqlalchemy as sa',
    '',
    `revision = "${id}"`,
    `down_revision = ${parents.length === 0 ? 'None' : parents.length === 1 ? `"${parents[0]}"` : `(${parents.map((p) => `"${p}"`).join(', ')})`}`,
    `branch_labels = ${labels.length ? `("${labels.join('", "')}",)` : 'None'}`,
    'depends_on = None',
    '',
    'def upgrade():',
    `    op.create_table("${table}", sa.Column("id", sa.Integer, primary_key=True))`,
    '',
    'def downgrade():',
    `    op.drop_table("${table}")`,
    '',
  ].join('\n');
}
