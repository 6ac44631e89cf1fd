/** "1 session", "2 sessions", "1,204 rows": the count and its noun, agreed, never "session(s)". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}
