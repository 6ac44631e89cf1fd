// Change and tag ids as the real sqitch computes them (`sqitch plan --format raw` prints them), for a
// plan with what goes into them: a URI, requires and conflicts of this and other projects, tags,
// escaped and non-ASCII notes, reworked changes. (Tag ids are compared in sqitchInterop's registry rows.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readSqitchProject } from '../../../../src-main/formats/sqitch/sqitchReader';
import { sqitchChangeData } from '../../../../src-main/formats/sqitch/sqitchChangeData';
import { tempDir } from '../../../support/tempDir';
import { sqitch } from './sqitchCli';

const server = inject('postgres');

describe('sqitch change ids', () => {
  it('are the ids sqitch computes for every change and tag of the plan', async () => {
    const dir = join(tempDir(), 'ids');
    mkdirSync(join(dir, 'deploy'), { recursive: true });
    writeFileSync(join(dir, 'sqitch.conf'), '[core]\n\tengine = pg\n');
    writeFileSync(
      join(dir, 'sqitch.plan'),
      [
        '%syntax-version=1.0.0',
        '%project=ids',
        '%uri=https://shop.example/ids/',
        '',
        'base 2025-12-31T23:59:59Z Zoë Ünïcode <zoe@shop.example> # Crème brûlée: the base.',
        'users [base !other:legacy ids:base] 2026-01-01T00:00:00Z Ada Lovelace <ada@shop.example> # Line one\\nline two\\\\ end',
        '@v1.0 2026-01-02T00:00:00Z Ada Lovelace <ada@shop.example> # First release.',
        'orders [users @v1.0 accounts:users] 2026-01-03T00:00:00Z Grace Hopper <grace@shop.example>',
        '@v1.1 2026-01-03T12:00:00Z Grace Hopper <grace@shop.example>',
        'users [users@v1.0] 2026-01-04T00:00:00Z Ada Lovelace <ada@shop.example> # Reworked.',
        '',
      ].join('\n'),
    );
    for (const name of ['base', 'users@v1.1', 'orders', 'users']) writeFileSync(join(dir, 'deploy', `${name}.sql`), `-- ${name}\n`);

    const raw = await sqitch(server, dir, ['plan', '--format', 'raw']);
    expect(raw.code, raw.stderr).toBe(0);
    const bySqitch = [...raw.stdout.matchAll(/^deploy ([0-9a-f]{40})/gm)].map((m) => m[1]);
    const read = readSqitchProject(dir);
    expect(read.files.map((f) => sqitchChangeData(f).changeId)).toEqual(bySqitch);
    expect(bySqitch).toHaveLength(4);

    expect(read.files.map((f) => sqitchChangeData(f).tags.map((t) => t.tag))).toEqual([[], ['@v1.0'], ['@v1.1'], []]);
    expect(read.files.map((f) => f.revision.id)).toEqual(['base', 'users@v1.0', 'orders', 'users']);
  });
});
