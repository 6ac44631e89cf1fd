/** The noun alone, agreed with its count, for a number shown apart from it (a status card). */
export function nounFor(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

/** "1 session", "2 sessions", "1,204 rows": the count and its noun, agreed, never "session(s)". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${nounFor(count, singular, plural)}`;
}
