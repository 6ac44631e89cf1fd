// What a failed Alembic run says, in the user's words: the last lines of its error output, after a
// sentence naming the cause where Switchyard knows it (env.py needs a module Python cannot import;
// a Flask-Migrate env.py needs the Flask app), so the user never gets a traceback alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The line of env.py that imports `module` (or a module inside it), 1-based; null when none does. */
function importLine(envText: string, module: string): number | null {
  const top = module.split('.')[0] as string;
  const pattern = new RegExp(`^\\s*(?:from\\s+${top}(?:\\.[\\w.]+)?\\s+import|import\\s+(?:[\\w.]+\\s*,\\s*)*${top}\\b)`);
  const index = envText.split('\n').findIndex((line) => pattern.test(line));
  return index === -1 ? null : index + 1;
}

function envText(scriptDir: string): string {
  try {
    return readFileSync(join(scriptDir, 'env.py'), 'utf8');
  } catch {
    return '';
  }
}

/** A sentence on why Alembic could not run the project's env.py, or null when the output says nothing Switchyard recognises. */
export function alembicFailureCause(stderr: string, scriptDir: string, python: string): string | null {
  const missing = /ModuleNotFoundError: No module named '([^']+)'/.exec(stderr);
  if (missing) {
    const module = missing[1] as string;
    const line = importLine(envText(scriptDir), module);
    const where = line === null ? 'The project' : `env.py:${line}`;
    return (
      `${where} imports ${module}, which ${python} cannot import (No module named '${module}'), so Alembic stopped before running any revision. ` +
      "Run it with the project's own Python: set the connection's Alembic command to the alembic of the project's virtualenv (e.g. .venv/bin/alembic), or install the project's requirements for this Python."
    );
  }
  if (/Working outside of application context/.test(stderr) && /current_app/.test(envText(scriptDir))) {
    return (
      "env.py is Flask-Migrate's: it takes the database from Flask's current_app, which exists only when Flask-Migrate runs it (flask db upgrade), so Alembic stopped before running any revision. " +
      "For Switchyard to run it, let env.py fall back to Alembic's own sqlalchemy.url when there is no Flask app (Switchyard sets that URL to the connection's)."
    );
  }
  return null;
}

/** The failure as the user reads it: the cause when known, then the last lines Alembic printed. */
export function alembicFailureText(stderr: string, scriptDir: string, python: string): string {
  const tail = stderr.trim().split('\n').slice(-6).join('\n');
  const cause = alembicFailureCause(stderr, scriptDir, python);
  return cause ? `${cause}\nAlembic said:\n${tail}` : tail;
}
