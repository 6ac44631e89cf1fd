// How long ago something happened, in the words a status line uses: "just now", "2 min ago",
// "3 h ago", "4 days ago". The exact moment stays one formatMoment away (a title or a log).

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export function timeAgo(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const elapsed = Math.max(0, now - at);
  if (elapsed < minute) return 'just now';
  if (elapsed < hour) return `${Math.floor(elapsed / minute)} min ago`;
  if (elapsed < day) return `${Math.floor(elapsed / hour)} h ago`;
  const days = Math.floor(elapsed / day);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}
