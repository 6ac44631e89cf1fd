// Alembic: Python revision files read statically (never imported), run by the project's own alembic.
import { alembicVersionDirsFor } from '../../migrations/readers/alembicIni';
import { readAlembicProject } from '../../migrations/readers/alembicReader';
import type { ToolFormat } from '../format';
import { alembicBookkeeping } from './alembicBookkeeping';

export const alembicFormat: ToolFormat = {
  name: 'alembic',
  runner: 'tool',
  detect(_dir, names) {
    if (names.includes('alembic.ini')) return 'alembic.ini in the folder';
    if (names.includes('env.py')) return 'env.py in the folder: an Alembic script folder';
    const py = names.filter((n) => n.endsWith('.py') && !n.startsWith('__init__')).length;
    return py > 0 && !names.some((n) => n.toLowerCase().endsWith('.sql'))
      ? `${py} Python file${py === 1 ? '' : 's'} and no .sql: an Alembic versions folder`
      : null;
  },
  read(dir) {
    const layout = alembicVersionDirsFor(dir);
    return { ...readAlembicProject(dir, layout.dirs, layout.recursive), detection: layout.reason };
  },
  bookkeeping: alembicBookkeeping,
};
