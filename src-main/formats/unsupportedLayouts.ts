// Migration folders of tools Switchyard does not read, recognised so a refusal says what the folder
// is instead of "no migrations": a Django app's migrations, Rails', Liquibase's changelogs, knex or
// TypeORM files, Entity Framework's. Names first; one small read at most (a Python file's first lines).
import { join } from 'node:path';
import { fileHead } from './fileHead';

interface Layout {
  tool: string;
  /** How many of the names are this tool's files, or 0. */
  matches(names: readonly string[], dir: string): number;
}

const ext = (names: readonly string[], pattern: RegExp) => names.filter((n) => pattern.test(n)).length;

const layouts: readonly Layout[] = [
  {
    // django/db/migrations/writer.py: every migration file defines `class Migration(migrations.Migration)`.
    tool: 'Django (its migrations run with `manage.py migrate`)',
    matches(names, dir) {
      const files = names.filter((n) => /^\d{4}_\w+\.py$/.test(n));
      const first = files[0];
      return first !== undefined && /class Migration\(migrations\.Migration\)/.test(fileHead(join(dir, first))) ? files.length : 0;
    },
  },
  // Rails: db/migrate/<timestamp>_name.rb.
  { tool: 'Rails (ActiveRecord migrations, `rails db:migrate`)', matches: (names) => ext(names, /^\d{3,}_\w+\.rb$/) },
  // Liquibase: a changelog (db.changelog-master.xml/yaml/json/sql) that includes the changesets.
  { tool: 'Liquibase (changelogs)', matches: (names) => ext(names, /changelog.*\.(xml|ya?ml|json)$/i) },
  // knex, TypeORM, Sequelize, node-pg-migrate, MikroORM: numbered JavaScript or TypeScript files.
  {
    tool: 'a JavaScript/TypeScript migration tool (knex, TypeORM, Sequelize, node-pg-migrate…)',
    matches: (names) => ext(names, /^\d{3,}[-_]?[\w-]*\.(c|m)?(js|ts)$/),
  },
  // Entity Framework Core: <timestamp>_Name.cs beside <timestamp>_Name.Designer.cs and a model snapshot.
  { tool: 'Entity Framework Core (C# migrations)', matches: (names) => ext(names, /^\d{14}_\w+\.cs$/) },
];

/** The tool whose migrations the folder holds, with how many files, when it is one Switchyard does not read. */
export function unsupportedLayout(dir: string, names: readonly string[]): string | null {
  for (const layout of layouts) {
    const count = layout.matches(names, dir);
    if (count > 0) return `${count} file${count === 1 ? '' : 's'} of ${layout.tool}, which Switchyard does not read`;
  }
  return null;
}
