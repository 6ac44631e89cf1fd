// The sidebar's lists (projects, groups) open one item at a time, a stored one by id or the form of a
// new one; read again, the list may have lost the open one to the CLI or another window.

/** The item open (`open`, an id or `newId` for the form of a new one) is not in the list read again; a new one's form never is. */
export function removedElsewhere(open: string | undefined, newId: string, listed: readonly { id: string }[]): boolean {
  return open !== undefined && open !== newId && !listed.some((item) => item.id === open);
}
