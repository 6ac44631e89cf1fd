// An audit entry's detail as one line people read: what went wrong first (a failed run's message),
// then the facts, and the error code last; fields with nothing in them are left out ("completed: ·").
const show = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (value && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}=${show(v)}`)
      .join(' ');
  return String(value);
};

const empty = (value: unknown): boolean =>
  value === '' ||
  value === null ||
  value === undefined ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && Object.keys(value).length === 0);

// Said apart: the sentence leads, the code closes; the id is the row's own, not news.
const apart = new Set(['id', 'message', 'error', 'code']);

/** "relation "documents" already exists · request: action=upgrade to=heads · code: E_MIGRATION_FAILED". */
export function describeAuditDetail(detail: Readonly<Record<string, unknown>>): string {
  const sentence = [detail.message, detail.error].find((value) => typeof value === 'string' && value !== '') as string | undefined;
  const facts = Object.entries(detail)
    .filter(([key, value]) => !apart.has(key) && !empty(value))
    .map(([key, value]) => `${key}: ${show(value)}`);
  const code = typeof detail.code === 'string' && detail.code ? [`code: ${detail.code}`] : [];
  return [...(sentence ? [sentence] : []), ...facts, ...code].join(' · ');
}
