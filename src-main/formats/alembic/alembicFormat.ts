// Alembic: Python revision files read statically (never imported), run by the project's own alembic.
import { join } from 'node:path';
import { fileHead } from '../fileHead';
import { alembicVersionDirsFor } from '../../migrations/readers/alembicIni';
import { readAlembicProject } from '../../migrations/readers/alembicReader';
import type { ToolFormat } from '../format';
import { alembicBookkeeping } from './alembicBookkeeping';

// A revision file's own assignment, as alembicHeader.ts reads it.
const alembicRevisionHead = /^(?:down_)?revision\s*(?::[^=\n]*)?=/m;

export const alembicFormat: ToolFormat = {
  name: 'alembic',
  runner: 'tool',
  detect(dir, names) {
    if (names.includes('alembic.ini')) return 'alembic.ini in the folder';
    if (names.includes('env.py')) return 'env.py in the folder: an Alembic script folder';
    const python = names.filter((n) => n.endsWith('.py') && !n.startsWith('__init__'));
    if (python.length === 0 || names.some((n) => n.toLowerCase().endsWith('.sql'))) return null;
    // Python files alone are not Alembic's: a Django app's migrations folder looks the same by name.
    if (!python.some((n) => alembicRevisionHead.test(fileHead(join(dir, n))))) return null;
    return `${python.length} Python file${python.length === 1 ? '' : 's'} with Alembic's revision headers and no .sql: an Alembic versions folder`;
  },
  read(dir) {
    const layout = alembicVersionDirsFor(dir);
    return { ...readAlembicProject(dir, layout.dirs, layout.recursive), detection: layout.reason };
  },
  bookkeeping: alembicBookkeeping,
};
