// One way to show a moment on every screen: the day with its month in words, 24-hour time and the
// time zone, so "03/04/2026, 5:07 PM" (US order, zone unsaid) or a raw ISO string never has to be decoded.

/** An ISO 8601 time that says its zone (Z or ±hh:mm); without one the moment is not known. */
const zonedIso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * "1 Dec 2026, 04:43:10 UTC", in the viewer's time zone unless one is given. A time recorded without
 * its zone (some tools' bookkeeping on SQLite) is shown as recorded: converting it would guess.
 */
export function formatMoment(recorded: string, timeZone?: string): string {
  const parts = zonedIso.exec(recorded.trim());
  if (!parts) return recorded;
  const [, day, time, zone = ''] = parts;
  // PostgreSQL writes "+02"; Date reads only "+02:00".
  const offset = /^[+-]\d{2}$/.test(zone) ? `${zone}:00` : zone;
  const moment = new Date(`${day}T${time}${offset}`);
  if (Number.isNaN(moment.getTime())) return recorded;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(moment);
}
