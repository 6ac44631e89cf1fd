// sqitch's registry schema on PostgreSQL, as sqitch v1.3.1 creates it (App/Sqitch/Engine/pg.sql, run by
// App::Sqitch::Engine::pg `initialize`, then `_register_release`), with IF NOT EXISTS so it can run
// before every run: the same tables, columns, constraints and comments, and the release row (1.1)
// without which `sqitch status` asks for `sqitch upgrade`.
import { sqitchRegistry } from './sqitchConfig';

/** The registry release this layout is (App::Sqitch::Engine `registry_release`). */
export const registryRelease = '1.1';

export const registryTable = (name: 'projects' | 'releases' | 'changes' | 'tags' | 'dependencies' | 'events') => `${sqitchRegistry}.${name}`;

interface RegistryTable {
  name: Parameters<typeof registryTable>[0];
  comment: string;
  /** [column, definition, comment]; a constraint has no comment. */
  columns: Array<[string, string, string | null]>;
}

const tables: RegistryTable[] = [
  {
    name: 'releases',
    comment: 'Sqitch registry releases.',
    columns: [
      ['version', 'REAL PRIMARY KEY', 'Version of the Sqitch registry.'],
      ['installed_at', 'TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()', 'Date the registry release was installed.'],
      ['installer_name', 'TEXT NOT NULL', 'Name of the user who installed the registry release.'],
      ['installer_email', 'TEXT NOT NULL', 'Email address of the user who installed the registry release.'],
    ],
  },
  {
    name: 'projects',
    comment: 'Sqitch projects deployed to this database.',
    columns: [
      ['project', 'TEXT PRIMARY KEY', 'Unique Name of a project.'],
      ['uri', 'TEXT NULL UNIQUE', 'Optional project URI'],
      ['created_at', 'TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()', 'Date the project was added to the database.'],
      ['creator_name', 'TEXT NOT NULL', 'Name of the user who added the project.'],
      ['creator_email', 'TEXT NOT NULL', 'Email address of the user who added the project.'],
    ],
  },
  {
    name: 'changes',
    comment: 'Tracks the changes currently deployed to the database.',
    columns: [
      ['change_id', 'TEXT PRIMARY KEY', 'Change primary key.'],
      ['script_hash', 'TEXT NULL', 'Deploy script SHA-1 hash.'],
      ['change', 'TEXT NOT NULL', 'Name of a deployed change.'],
      [
        'project',
        `TEXT NOT NULL REFERENCES ${registryTable('projects')}(project) ON UPDATE CASCADE`,
        'Name of the Sqitch project to which the change belongs.',
      ],
      ['note', "TEXT NOT NULL DEFAULT ''", 'Description of the change.'],
      ['committed_at', 'TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()', 'Date the change was deployed.'],
      ['committer_name', 'TEXT NOT NULL', 'Name of the user who deployed the change.'],
      ['committer_email', 'TEXT NOT NULL', 'Email address of the user who deployed the change.'],
      ['planned_at', 'TIMESTAMPTZ NOT NULL', 'Date the change was added to the plan.'],
      ['planner_name', 'TEXT NOT NULL', 'Name of the user who planed the change.'],
      ['planner_email', 'TEXT NOT NULL', 'Email address of the user who planned the change.'],
      ['UNIQUE(project, script_hash)', '', null],
    ],
  },
  {
    name: 'tags',
    comment: 'Tracks the tags currently applied to the database.',
    columns: [
      ['tag_id', 'TEXT PRIMARY KEY', 'Tag primary key.'],
      ['tag', 'TEXT NOT NULL', 'Project-unique tag name.'],
      ['project', `TEXT NOT NULL REFERENCES ${registryTable('projects')}(project) ON UPDATE CASCADE`, 'Name of the Sqitch project to which the tag belongs.'],
      [
        'change_id',
        `TEXT NOT NULL REFERENCES ${registryTable('changes')}(change_id) ON UPDATE CASCADE`,
        'ID of last change deployed before the tag was applied.',
      ],
      ['note', "TEXT NOT NULL DEFAULT ''", 'Description of the tag.'],
      ['committed_at', 'TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()', 'Date the tag was applied to the database.'],
      ['committer_name', 'TEXT NOT NULL', 'Name of the user who applied the tag.'],
      ['committer_email', 'TEXT NOT NULL', 'Email address of the user who applied the tag.'],
      ['planned_at', 'TIMESTAMPTZ NOT NULL', 'Date the tag was added to the plan.'],
      ['planner_name', 'TEXT NOT NULL', 'Name of the user who planed the tag.'],
      ['planner_email', 'TEXT NOT NULL', 'Email address of the user who planned the tag.'],
      ['UNIQUE(project, tag)', '', null],
    ],
  },
  {
    name: 'dependencies',
    comment: 'Tracks the currently satisfied dependencies.',
    columns: [
      ['change_id', `TEXT NOT NULL REFERENCES ${registryTable('changes')}(change_id) ON UPDATE CASCADE ON DELETE CASCADE`, 'ID of the depending change.'],
      ['type', 'TEXT NOT NULL', 'Type of dependency.'],
      ['dependency', 'TEXT NOT NULL', 'Dependency name.'],
      [
        'dependency_id',
        `TEXT NULL REFERENCES ${registryTable('changes')}(change_id) ON UPDATE CASCADE CONSTRAINT dependencies_check CHECK (
            (type = 'require'  AND dependency_id IS NOT NULL)
         OR (type = 'conflict' AND dependency_id IS NULL)
    )`,
        'Change ID the dependency resolves to.',
      ],
      ['PRIMARY KEY (change_id, dependency)', '', null],
    ],
  },
  {
    name: 'events',
    comment: 'Contains full history of all deployment events.',
    columns: [
      ['event', "TEXT NOT NULL CONSTRAINT events_event_check CHECK (event IN ('deploy', 'revert', 'fail', 'merge'))", 'Type of event.'],
      ['change_id', 'TEXT NOT NULL', 'Change ID.'],
      ['change', 'TEXT NOT NULL', 'Change name.'],
      [
        'project',
        `TEXT NOT NULL REFERENCES ${registryTable('projects')}(project) ON UPDATE CASCADE`,
        'Name of the Sqitch project to which the change belongs.',
      ],
      ['note', "TEXT NOT NULL DEFAULT ''", 'Description of the change.'],
      ['requires', "TEXT[] NOT NULL DEFAULT '{}'", 'Array of the names of required changes.'],
      ['conflicts', "TEXT[] NOT NULL DEFAULT '{}'", 'Array of the names of conflicting changes.'],
      ['tags', "TEXT[] NOT NULL DEFAULT '{}'", 'Tags associated with the change.'],
      ['committed_at', 'TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()', 'Date the event was committed.'],
      ['committer_name', 'TEXT NOT NULL', 'Name of the user who committed the event.'],
      ['committer_email', 'TEXT NOT NULL', 'Email address of the user who committed the event.'],
      ['planned_at', 'TIMESTAMPTZ NOT NULL', 'Date the event was added to the plan.'],
      ['planner_name', 'TEXT NOT NULL', 'Name of the user who planed the change.'],
      ['planner_email', 'TEXT NOT NULL', 'Email address of the user who plan planned the change.'],
      ['PRIMARY KEY (change_id, committed_at)', '', null],
    ],
  },
];

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

function tableSql(table: RegistryTable): string {
  const qualified = registryTable(table.name);
  const columns = table.columns.map(([column, definition]) => `    ${definition ? `${column} ${definition}` : column}`).join(',\n');
  const comments = table.columns
    .filter(([, , comment]) => comment !== null)
    .map(([column, , comment]) => `COMMENT ON COLUMN ${qualified}.${column} IS ${quoted(comment ?? '')};`);
  return [`CREATE TABLE IF NOT EXISTS ${qualified} (\n${columns}\n);`, `COMMENT ON TABLE ${qualified} IS ${quoted(table.comment)};`, ...comments].join('\n');
}

/** The registry and its release row, each created only when missing. */
export function createRegistrySql(): string {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${sqitchRegistry};`,
    `COMMENT ON SCHEMA ${sqitchRegistry} IS 'Sqitch database deployment metadata v${registryRelease}.';`,
    ...tables.map(tableSql),
    `INSERT INTO ${registryTable('releases')} (version, installer_name, installer_email)
  SELECT ${registryRelease}, 'Switchyard', 'switchyard@localhost'
   WHERE NOT EXISTS (SELECT 1 FROM ${registryTable('releases')});`,
  ].join('\n');
}
