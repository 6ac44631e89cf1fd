// Where the keyboard goes when the control it was on leaves the page (a group created, deleted, a
// member taken out): ids of the group screen's landmarks, and a focus given once React has drawn.
export const groupHeadingId = 'group-heading';
/** The sidebar's Groups heading: the focus comes back there when the open group is deleted. */
export const groupsHeadingId = 'groups-title';

/** Focuses the element of `id` after the next frame, when the render that makes it has happened. */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
