import { describe, expect, it } from 'vitest';
import { lanesWidth, rowsMinWidth, rowTemplate } from '../../../../src-renderer/features/graph/laneGeometry';

/** The fixed tracks of a template, in pixels (the message's minmax(0, 1fr) adds none). */
const fixedTracks = (template: string) => [...template.matchAll(/(?:^| )(\d+)px/g)].reduce((sum, m) => sum + Number(m[1]), 0);

describe('the graph rows’ columns on a narrow screen', () => {
  it('keep every column up to the id whole: the least width is the fixed tracks, their gaps, the padding and borders', () => {
    for (const [lanes, columns] of [
      [1, 1],
      [6, 1],
      [6, 3],
      [40, 2],
    ] as const) {
      const template = rowTemplate(lanes, columns);
      const gaps = template.replaceAll(', ', ',').split(' ').length - 1;
      expect(rowsMinWidth(lanes, columns)).toBe(fixedTracks(template) + gaps * 8 + 10 + 2);
    }
  });

  it('cap the lanes’ column, so a very branchy history does not push the ids off a small screen', () => {
    expect(rowTemplate(6, 1).startsWith(`${lanesWidth(6)}px `)).toBe(true);
    expect(rowsMinWidth(100, 1)).toBe(rowsMinWidth(200, 1));
  });
});
