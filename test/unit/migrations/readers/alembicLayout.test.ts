// Where an Alembic project's revisions are, as real projects lay them out: Flask-Migrate's folder,
// `package:path` locations, version_locations and recursive_version_locations.
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { alembicVersionDirsFor } from '../../../../src-main/migrations/readers/alembicIni';
import { readAlembicFolder, writeFiles } from '../../../support/alembicFolders';
import { tempDir } from '../../../support/tempDir';

const revision = (id: string, parent: string | null) => `revision = "${id}"\ndown_revision = ${parent ? `"${parent}"` : 'None'}\n`;

describe('the folders of an Alembic project', () => {
  it('reads a Flask-Migrate folder: alembic.ini without script_location beside env.py and versions/', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'alembic.ini': '# A generic, single database configuration.\n[alembic]\n# file_template = %%(rev)s_%%(slug)s\n\n[loggers]\nkeys = root\n',
      'env.py': 'from flask import current_app\n',
      'versions/a1_first.py': revision('a1', null),
      'versions/b2_second.py': revision('b2', 'a1'),
    });
    const layout = alembicVersionDirsFor(dir);
    expect(layout).toMatchObject({ iniPath: join(dir, 'alembic.ini'), scriptDir: dir, scriptLocationImplied: true, dirs: [join(dir, 'versions')] });
    expect(layout.reason).toContain('Flask-Migrate');
    expect(readAlembicFolder(dir).files.map((f) => f.revision.id)).toEqual(['a1', 'b2']);
  });

  it('refuses an alembic.ini with neither script_location nor env.py beside it, naming the file', () => {
    const dir = tempDir();
    writeFiles(dir, { 'alembic.ini': '[alembic]\nsqlalchemy.url = sqlite://\n' });
    expect(() => alembicVersionDirsFor(dir)).toThrow(
      expect.objectContaining({ code: 'E_INVALID_PROJECT', message: expect.stringContaining(`${join(dir, 'alembic.ini')}: no script_location`) }),
    );
  });

  it('finds script_location = package:path in a package of the project, from the ini folder or a folder above it', () => {
    const root = tempDir();
    writeFiles(root, {
      'myapp/__init__.py': '',
      'myapp/db/__init__.py': '',
      'myapp/db/migrations/env.py': '',
      'myapp/db/migrations/versions/a1.py': revision('a1', null),
      'deploy/alembic.ini': '[alembic]\nscript_location = myapp.db:migrations\n',
    });
    const layout = alembicVersionDirsFor(join(root, 'deploy'));
    expect(layout.scriptDir).toBe(join(root, 'myapp', 'db', 'migrations'));
    expect(readAlembicFolder(join(root, 'deploy')).files.map((f) => [f.revision.id, f.revision.file])).toEqual([
      ['a1', '../myapp/db/migrations/versions/a1.py'],
    ]);
  });

  it('finds a package in a folder prepend_sys_path puts on sys.path', () => {
    const root = tempDir();
    writeFiles(root, {
      'libs/shared_migrations/__init__.py': '',
      'libs/shared_migrations/scripts/env.py': '',
      'libs/shared_migrations/scripts/versions/a1.py': revision('a1', null),
      'app/alembic.ini': '[alembic]\nprepend_sys_path = ../libs\nscript_location = shared_migrations:scripts\n',
    });
    expect(alembicVersionDirsFor(join(root, 'app')).dirs).toEqual([join(root, 'libs', 'shared_migrations', 'scripts', 'versions')]);
  });

  it('finds an installed package, outside the project, through the import system', () => {
    const root = tempDir();
    writeFiles(root, {
      'site/installed_migrations/__init__.py': '',
      'site/installed_migrations/env.py': '',
      'site/installed_migrations/versions/a1.py': revision('a1', null),
      'app/alembic.ini': '[alembic]\nscript_location = installed_migrations:.\n',
    });
    vi.stubEnv('PYTHONPATH', join(root, 'site'));
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    expect(alembicVersionDirsFor(join(root, 'app')).dirs).toEqual([join(root, 'site', 'installed_migrations', 'versions')]);
  });

  it('refuses a package location that cannot be found, naming the line and what Python said, instead of reading no revisions', () => {
    const dir = tempDir();
    writeFiles(dir, { 'alembic.ini': '[alembic]\n# where the scripts are\nscript_location = no_such_package_xq:migrations\n' });
    let error: unknown;
    try {
      alembicVersionDirsFor(dir);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'E_INVALID_PROJECT' });
    expect((error as Error).message).toContain(`${join(dir, 'alembic.ini')}:3: script_location = no_such_package_xq:migrations: package "no_such_package_xq"`);
    expect((error as Error).message).toContain("No module named 'no_such_package_xq'");
  });

  it('refuses a script_location folder that does not exist, naming the line', () => {
    const dir = tempDir();
    writeFiles(dir, { 'alembic.ini': '[alembic]\nscript_location = %(here)s/migratons\n' });
    expect(() => alembicVersionDirsFor(dir)).toThrow(
      expect.objectContaining({
        code: 'E_INVALID_PROJECT',
        message: expect.stringContaining(`${join(dir, 'alembic.ini')}:2: script_location = %(here)s/migratons: no such folder`),
      }),
    );
  });

  it('reads the sub-folders of the versions folders with recursive_version_locations = true, as Alembic walks them', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\nrecursive_version_locations = true\n',
      'migrations/env.py': '',
      'migrations/versions/a1.py': revision('a1', null),
      'migrations/versions/2024/b2.py': revision('b2', 'a1'),
      'migrations/versions/2024/q1/c3.py': revision('c3', 'b2'),
      'migrations/versions/__pycache__/d4.py': revision('d4', 'c3'),
    });
    const project = readAlembicFolder(dir);
    expect(project.files.map((f) => f.revision.file)).toEqual([
      'migrations/versions/a1.py',
      'migrations/versions/2024/b2.py',
      'migrations/versions/2024/q1/c3.py',
    ]);
    expect(project.unreadable).toEqual([]);
  });

  it('names each revision file in a sub-folder Alembic does not read when recursive_version_locations is not set', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\n',
      'migrations/env.py': '',
      'migrations/versions/a1.py': revision('a1', null),
      'migrations/versions/2024/b2.py': revision('b2', 'a1'),
      'migrations/versions/2024/helpers.py': 'def add_column():\n    pass\n',
    });
    const project = readAlembicFolder(dir);
    expect(project.files.map((f) => f.revision.id)).toEqual(['a1']);
    expect(project.unreadable).toEqual([
      {
        kind: 'unusedFile',
        message: expect.stringContaining('recursive_version_locations = true'),
        file: 'migrations/versions/2024/b2.py',
        line: null,
        revisions: [],
      },
    ]);
  });

  it('reads every folder of version_locations, relative to the ini folder, with its separator', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'alembic.ini':
        '[alembic]\nscript_location = migrations\nversion_path_separator = os\nversion_locations = %(here)s/migrations/expand:migrations/contract\n',
      'migrations/env.py': '',
      'migrations/expand/e1.py': revision('e1', null),
      'migrations/contract/c1.py': revision('c1', null),
    });
    expect(readAlembicFolder(dir).files.map((f) => f.revision.file)).toEqual(['migrations/expand/e1.py', 'migrations/contract/c1.py']);
  });

  it('splits version_locations as Alembic does: on path_separator (1.16+), and without one on commas and spaces, never on line breaks', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'migrations/env.py': '',
      'migrations/expand/e1.py': revision('e1', null),
      'migrations/contract/c1.py': revision('c1', null),
      'migrations/my history/h1.py': revision('h1', null),
    });
    writeFiles(dir, {
      'alembic.ini':
        '[alembic]\nscript_location = migrations\npath_separator = newline\nversion_locations =\n    migrations/expand\n    migrations/my history\n',
    });
    expect(alembicVersionDirsFor(dir).dirs).toEqual([join(dir, 'migrations', 'expand'), join(dir, 'migrations', 'my history')]);
    writeFiles(dir, { 'alembic.ini': '[alembic]\nscript_location = migrations\nversion_locations = migrations/expand, migrations/contract\n' });
    expect(alembicVersionDirsFor(dir).dirs).toEqual([join(dir, 'migrations', 'expand'), join(dir, 'migrations', 'contract')]);
    // Alembic reads this as one folder whose name holds a line break, finds none, and reads nothing: said, not silent.
    writeFiles(dir, { 'alembic.ini': '[alembic]\nscript_location = migrations\nversion_locations =\n    migrations/expand\n    migrations/contract\n' });
    const project = readAlembicFolder(dir);
    expect(project.files).toEqual([]);
    expect(project.unreadable).toEqual([
      expect.objectContaining({ kind: 'unreadableFile', message: expect.stringContaining('cannot list the versions folder') }),
    ]);
  });

  it('reads a script folder through the alembic.ini above it when that ini names it', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\nversion_locations = %(here)s/migrations/history\n',
      'migrations/env.py': '',
      'migrations/history/a1.py': revision('a1', null),
    });
    expect(alembicVersionDirsFor(join(dir, 'migrations'))).toMatchObject({ iniPath: join(dir, 'alembic.ini'), dirs: [join(dir, 'migrations', 'history')] });
  });
});
