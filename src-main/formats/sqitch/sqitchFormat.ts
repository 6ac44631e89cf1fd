// sqitch: sqitch.plan's changes with their deploy/, revert/ and verify/ scripts, recorded in sqitch's
// own registry schema so sqitch and Switchyard can take turns on one database.
import type { SqlFormat } from '../format';
import { sqitchBookkeeping } from './sqitchBookkeeping';
import { sqitchConfFile } from './sqitchConfig';
import { readSqitchProject } from './sqitchReader';

export const sqitchFormat: SqlFormat = {
  name: 'sqitch',
  runner: 'sql',
  detect(_dir, names) {
    if (names.includes('sqitch.plan')) return 'sqitch.plan in the folder: a sqitch project, deployed in the plan’s order';
    if (names.includes(sqitchConfFile)) return 'sqitch.conf in the folder: a sqitch project';
    return null;
  },
  read: (dir) => readSqitchProject(dir),
  bookkeeping: sqitchBookkeeping,
  // sqitch runs every script as it is, outside any transaction of its own: a body never needs marking.
  outsideTransaction: null,
};
