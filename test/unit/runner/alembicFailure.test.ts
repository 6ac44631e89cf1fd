// How a failed Alembic run is told: the cause in words where Switchyard recognises it, then Alembic's last lines.
import { describe, expect, it } from 'vitest';
import { alembicFailureCause, alembicFailureText } from '../../../src-main/runner/alembicFailure';
import { writeFiles } from '../../support/alembicFolders';
import { tempDir } from '../../support/tempDir';

// The last lines Python prints for each failure, as Alembic's child process writes them to stderr.
const missingFlask = `Traceback (most recent call last):
  File "/srv/app/migrations/env.py", line 4, in <module>
    from flask import current_app
ModuleNotFoundError: No module named 'flask'
`;
const outsideTheApp = `Traceback (most recent call last):
  File "/srv/app/migrations/env.py", line 26, in <module>
    config.set_main_option('sqlalchemy.url', get_engine_url())
RuntimeError: Working outside of application context.
`;

function scriptFolder(env: string): string {
  const dir = tempDir();
  writeFiles(dir, { 'env.py': env });
  return dir;
}

describe('why Alembic could not run a project', () => {
  it('names the env.py line importing a module Python cannot import, the Python, and the way out', () => {
    const dir = scriptFolder('import logging\nfrom logging.config import fileConfig\n\nfrom flask import current_app\n');
    expect(alembicFailureCause(missingFlask, dir, '/usr/bin/python3')).toBe(
      "env.py:4 imports flask, which /usr/bin/python3 cannot import (No module named 'flask'), so Alembic stopped before running any revision. Run it with the project's own Python: set the connection's Alembic command to the alembic of the project's virtualenv (e.g. .venv/bin/alembic), or install the project's requirements for this Python.",
    );
    expect(alembicFailureCause("ModuleNotFoundError: No module named 'myapp.models'", scriptFolder('import myapp.models as models\n'), 'python3')).toMatch(
      /^env\.py:1 imports myapp\.models, which python3 cannot import/,
    );
  });

  it('says a Flask-Migrate env.py needs the Flask app when Flask is there but the app is not', () => {
    const dir = scriptFolder("from flask import current_app\ntarget_db = current_app.extensions['migrate'].db\n");
    expect(alembicFailureCause(outsideTheApp, dir, '.venv/bin/python')).toContain("env.py is Flask-Migrate's: it takes the database from Flask's current_app");
  });

  it("gives Alembic's own last lines after the cause, and alone when the cause is not one it knows", () => {
    const dir = scriptFolder('from flask import current_app\n');
    expect(alembicFailureText(missingFlask, dir, 'python3')).toMatch(
      /so Alembic stopped before running any revision\. .*\nAlembic said:\n.*ModuleNotFoundError: No module named 'flask'$/s,
    );
    const other = 'sqlalchemy.exc.OperationalError: could not connect to server\n';
    expect(alembicFailureCause(other, dir, 'python3')).toBeNull();
    expect(alembicFailureText(other, dir, 'python3')).toBe('sqlalchemy.exc.OperationalError: could not connect to server');
  });
});
