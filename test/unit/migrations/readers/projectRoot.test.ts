// A repository's root given as the project: the folder each tool uses by default is read, and the
// detection says which; a root that is a project itself is read as it is.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../../src-main/migrations/readers/detectProject';
import { tempDir } from '../../../support/tempDir';

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const alembicRevision = (id: string, parent: string | null) =>
  `"""${id}"""\nrevision = '${id}'\ndown_revision = ${parent === null ? 'None' : `'${parent}'`}\nbranch_labels = None\ndepends_on = None\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n`;

describe('a repository root as the project', () => {
  it("reads a Flask app's migrations/ folder, not the app's own Python files", () => {
    const root = tempDir();
    write(root, {
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
      'models.py': 'class User: pass\n',
      'migrations/alembic.ini': '[alembic]\n# Flask-Migrate leaves script_location out\n',
      'migrations/env.py': 'from alembic import context\n',
      'migrations/versions/a1_first.py': alembicRevision('a1', null),
      'migrations/versions/b2_second.py': alembicRevision('b2', 'a1'),
    });
    const files = readProject(root);
    expect(files.format).toBe('alembic');
    expect(files.project).toBe(join(root, 'migrations'));
    expect(files.files.map((f) => f.revision.id).sort()).toEqual(['a1', 'b2']);
    expect(files.unreadable).toEqual([]);
    expect(files.detection).toMatch(/^migrations\/ of .*: alembic\.ini/);
  });

  it("reads dbmate's db/migrations", () => {
    const root = tempDir();
    write(root, {
      'go.mod': 'module shop\n',
      'db/migrations/20240101000000_users.sql': '-- migrate:up\nCREATE TABLE users (id int);\n\n-- migrate:down\nDROP TABLE users;\n',
    });
    const files = readProject(root);
    expect(files.format).toBe('dbmate');
    expect(files.files.map((f) => f.revision.id)).toEqual(['20240101000000']);
    expect(files.detection).toMatch(/^db\/migrations\/ of /);
  });

  it('keeps a root that is a project itself', () => {
    const root = tempDir();
    write(root, {
      'alembic.ini': '[alembic]\nscript_location = migrations\n',
      'migrations/env.py': 'from alembic import context\n',
      'migrations/versions/a1_first.py': alembicRevision('a1', null),
    });
    expect(readProject(root)).toMatchObject({ format: 'alembic', project: root });
    expect(readProject(root).detection).not.toMatch(/^migrations\//);
  });
});
