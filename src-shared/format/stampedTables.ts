// What a stamp tells about the tables of the revisions it records (or removes the records of): a stamp
// runs no SQL, so the tables their SQL would create must be there already, or stay behind. Said the same
// way in the run dialog and the CLI.

/** The sentence above the list of each stamped revision's tables. */
export function stampedTablesLead(down: boolean): string {
  return down
    ? 'Their SQL created these tables; a stamp down drops none of them:'
    : 'Their SQL would create these tables; a stamp creates none of them, so they should already exist:';
}

/** One revision's tables; `null` when its SQL could not be read, said as unknown, never as "creates nothing". */
export function stampedTablesOf(tables: readonly string[] | null): string {
  if (tables === null) return 'its SQL could not be read';
  return tables.length === 0 ? 'no table' : tables.join(', ');
}
