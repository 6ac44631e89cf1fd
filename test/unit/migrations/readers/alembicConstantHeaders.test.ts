// Headers that name constants instead of literals (`branch_labels = (cli.CONTRACT_BRANCH,)`): looked up
// statically in the file and the modules it imports from the project; what cannot be is said, and the
// revision is never dropped for it.
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../../support/revisions';
import { readAlembicFolder, writeFiles } from '../../../support/alembicFolders';
import { tempDir } from '../../../support/tempDir';

const byId = (project: ReturnType<typeof readAlembicFolder>) => new Map(project.files.map((f) => [f.revision.id, f.revision]));

describe('Alembic headers that name constants', () => {
  it('resolves the expand/contract labels, a revision id, a parent and a dependency named through the service’s own modules', () => {
    const project = readAlembicFolder(`${fixtures}alembic-expand-contract`);
    expect(project.unreadable).toEqual([]);
    const revisions = byId(project);
    expect([...revisions.keys()].sort()).toEqual(['0a1b2c3d4e5f', 'c1c1c1c1c1c1', 'c2c2c2c2c2c2', 'e1e1e1e1e1e1', 'e2e2e2e2e2e2', 'e3e3e3e3e3e3']);
    expect(revisions.get('e1e1e1e1e1e1')).toMatchObject({ parents: ['0a1b2c3d4e5f'], branchLabels: ['expand'] });
    expect(revisions.get('c1c1c1c1c1c1')).toMatchObject({ parents: ['0a1b2c3d4e5f'], branchLabels: ['contract'] });
    expect(revisions.get('e2e2e2e2e2e2')).toMatchObject({ parents: ['e1e1e1e1e1e1'] });
    expect(revisions.get('e3e3e3e3e3e3')).toMatchObject({ parents: ['e2e2e2e2e2e2'] });
    expect(revisions.get('c2c2c2c2c2c2')).toMatchObject({ parents: ['c1c1c1c1c1c1'], dependsOn: ['e2e2e2e2e2e2'] });
  });

  it('follows relative imports and a constant that names another constant', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'alembic.ini': '[alembic]\nscript_location = %(here)s/app/migrations\n',
      'app/__init__.py': '',
      'app/branches.py': 'from .names import BILLING as _BILLING\nLABELS = (_BILLING, "ledger")\n',
      'app/names.py': 'BILLING = "billing"\n',
      'app/migrations/__init__.py': '',
      'app/migrations/env.py': '',
      'app/migrations/versions/__init__.py': '',
      'app/migrations/versions/a1.py': 'from ... import branches\n\nrevision = "a1"\ndown_revision = None\nbranch_labels = branches.LABELS\n',
    });
    const project = readAlembicFolder(dir);
    expect(project.unreadable).toEqual([]);
    expect(byId(project).get('a1')).toMatchObject({ branchLabels: ['billing', 'ledger'] });
  });

  it('finds the service’s module above the folder read: alembic.ini inside the package (OpenStack), the app beside a Flask-Migrate folder', () => {
    const service = tempDir();
    writeFiles(service, {
      'myservice/__init__.py': '',
      'myservice/db/__init__.py': '',
      'myservice/db/migration/__init__.py': '',
      'myservice/db/migration/cli.py': 'EXPAND_BRANCH = "expand"\nCONTRACT_BRANCH = "contract"\n',
      'myservice/db/migration/alembic.ini': '[alembic]\nscript_location = %(here)s/alembic_migrations\n',
      'myservice/db/migration/alembic_migrations/env.py': '',
      'myservice/db/migration/alembic_migrations/versions/a1.py': 'revision = "a1"\ndown_revision = None\n',
      'myservice/db/migration/alembic_migrations/versions/e1.py':
        'from myservice.db.migration import cli\n\nrevision = "e1"\ndown_revision = "a1"\nbranch_labels = (cli.EXPAND_BRANCH,)\n',
      'myservice/db/migration/alembic_migrations/versions/c1.py':
        'from myservice.db import migration\n\nrevision = "c1"\ndown_revision = "a1"\nbranch_labels = (migration.cli.CONTRACT_BRANCH,)\n',
    });
    const openstack = readAlembicFolder(`${service}/myservice/db/migration`);
    expect(openstack.unreadable).toEqual([]);
    expect(byId(openstack).get('e1')).toMatchObject({ branchLabels: ['expand'] });
    expect(byId(openstack).get('c1')).toMatchObject({ branchLabels: ['contract'] });

    const app = tempDir();
    writeFiles(app, {
      'myapp/__init__.py': '',
      'myapp/cli.py': 'CONTRACT_BRANCH = "contract"\n',
      'migrations/alembic.ini': '[alembic]\n',
      'migrations/env.py': '',
      'migrations/versions/a1.py': 'revision = "a1"\ndown_revision = None\n',
      'migrations/versions/b2.py': 'from myapp import cli\nrevision = "b2"\ndown_revision = "a1"\nbranch_labels = (cli.CONTRACT_BRANCH,)\n',
    });
    const flask = readAlembicFolder(`${app}/migrations`);
    expect(flask.unreadable).toEqual([]);
    expect(byId(flask).get('b2')).toMatchObject({ parents: ['a1'], branchLabels: ['contract'] });
  });

  it('keeps a revision whose label names nothing it can find, with the literal fields it has, and says which field, file and line', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'env.py': '',
      'versions/a1.py': 'revision = "a1"\ndown_revision = None\n',
      'versions/b2.py':
        'from myservice.db.migration import cli\n\nrevision = "b2"\ndown_revision = ("a1", cli.OTHER_PARENT)\nbranch_labels = (cli.CONTRACT_BRANCH,)\n',
    });
    const project = readAlembicFolder(dir);
    expect(byId(project).get('b2')).toMatchObject({ parents: ['a1'], branchLabels: [] });
    expect(project.unreadable).toEqual([
      {
        kind: 'unresolvedHeader',
        message: expect.stringMatching(
          /^versions\/b2\.py:4: down_revision = \("a1", cli\.OTHER_PARENT\) could not be resolved .*module myservice\.db\.migration is not a file of the project/,
        ),
        file: 'versions/b2.py',
        line: 4,
        revisions: ['b2'],
      },
      expect.objectContaining({
        kind: 'unresolvedHeader',
        message: expect.stringContaining('versions/b2.py:5: branch_labels = (cli.CONTRACT_BRANCH,)'),
        line: 5,
      }),
    ]);
  });

  it('says why a computed value or a call cannot be read, and keeps the revision', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'env.py': '',
      'versions/a1.py': 'revision = "a1"\ndown_revision = None\n',
      'versions/b2.py':
        'BASE = "a" + "1"\nLABELS = ("x", "y")\n\nrevision = "b2"\ndown_revision = BASE\ndepends_on = find_dependencies()\nbranch_labels = (LABELS, "z")\n',
    });
    const project = readAlembicFolder(dir);
    expect(byId(project).get('b2')).toMatchObject({ parents: [], dependsOn: [], branchLabels: ['z'] });
    expect(
      project.unreadable.map((a) => [a.kind, a.line, a.message.replace(/^.*could not be resolved without running Python \((.*)\); revision.*$/, '$1')]),
    ).toEqual([
      ['unresolvedHeader', 5, 'BASE: BASE in versions/b2.py is computed (unexpected text after the value), not a literal'],
      ['unresolvedHeader', 6, 'unexpected text after the value: Switchyard reads headers without running Python'],
      ['unresolvedHeader', 7, 'LABELS: holds a tuple, not a revision id or label'],
    ]);
  });

  it('reads a file whose revision id names nothing it can find as unreadable: without its id it is no revision', () => {
    const dir = tempDir();
    writeFiles(dir, { 'env.py': '', 'versions/a1.py': 'revision = ids.FIRST\ndown_revision = None\n' });
    const project = readAlembicFolder(dir);
    expect(project.files).toEqual([]);
    expect(project.unreadable).toEqual([
      expect.objectContaining({
        kind: 'unreadableFile',
        file: 'versions/a1.py',
        message: expect.stringContaining('revision = ids.FIRST: ids is not assigned or imported'),
      }),
    ]);
  });
});
