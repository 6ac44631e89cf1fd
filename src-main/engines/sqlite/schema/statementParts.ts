// The parts of SQLite's stored CREATE INDEX, CREATE VIEW and CREATE TRIGGER that the model compares,
// read with the tokenizer: an index's keys and WHERE, a view's query, a trigger's timing, events,
// WHEN and body.
import { isWord, matchingClose, parenthesisedItems, spelled, tokenize, unquoted, type SqlToken } from '../../sqlTokens';

/** The first token at `from` or after that is the word `word`, outside parentheses. */
function topLevelWord(tokens: readonly SqlToken[], word: string, from = 0): number {
  for (let i = from; i < tokens.length; i += 1) {
    if (isWord(tokens, i, word)) return i;
    if (tokens[i]?.type === 'open') i = matchingClose(tokens, i);
  }
  return -1;
}

export function indexParts(sql: string): { columns: string[]; predicate: string | null } {
  const tokens = tokenize(sql);
  const on = topLevelWord(tokens, 'ON');
  const open = tokens.findIndex((token, i) => i > on && token.type === 'open');
  if (on < 0 || open < 0) return { columns: [], predicate: null };
  const where = topLevelWord(tokens, 'WHERE', matchingClose(tokens, open));
  return { columns: parenthesisedItems(tokens, open).map(spelled), predicate: where < 0 ? null : spelled(tokens.slice(where + 1)) };
}

export function viewQuery(sql: string): string {
  const tokens = tokenize(sql);
  const as = topLevelWord(tokens, 'AS');
  return as < 0 ? spelled(tokens) : spelled(tokens.slice(as + 1));
}

export interface TriggerParts {
  timing: 'BEFORE' | 'AFTER' | 'INSTEAD OF';
  events: string[];
  when: string | null;
  body: string;
  /** Names the body reads or writes, for the order of creation. */
  names: string[];
}

export function triggerParts(sql: string): TriggerParts {
  const tokens = tokenize(sql);
  const on = topLevelWord(tokens, 'ON');
  const begin = topLevelWord(tokens, 'BEGIN');
  const when = topLevelWord(tokens, 'WHEN');
  const head = tokens.slice(0, on < 0 ? tokens.length : on);
  const timingAt = head.findIndex((_, i) => isWord(head, i, 'BEFORE') || isWord(head, i, 'AFTER') || isWord(head, i, 'INSTEAD'));
  const eventAt = head.findIndex((_, i) => i > timingAt && (isWord(head, i, 'DELETE') || isWord(head, i, 'INSERT') || isWord(head, i, 'UPDATE')));
  const timingWord = timingAt < 0 ? 'BEFORE' : (head[timingAt]?.text.toUpperCase() ?? 'BEFORE');
  const lastEnd = tokens.findLastIndex((_, i) => isWord(tokens, i, 'END'));
  const bodyTokens = begin < 0 ? [] : tokens.slice(begin + 1, lastEnd < 0 ? tokens.length : lastEnd);
  return {
    // SQLite's default timing, when a trigger names none, is BEFORE.
    timing: timingWord === 'INSTEAD' ? 'INSTEAD OF' : timingWord === 'AFTER' ? 'AFTER' : 'BEFORE',
    events: eventAt < 0 ? [] : [spelled(head.slice(eventAt))],
    when: when < 0 || (begin >= 0 && when > begin) ? null : spelled(tokens.slice(when + 1, begin < 0 ? tokens.length : begin)),
    body: spelled(bodyTokens),
    names: bodyTokens.filter((token) => token.type === 'word' || token.type === 'quoted').map(unquoted),
  };
}

/** Names a query mentions (bare or quoted): the tables and views among them are what it reads. */
export function namesIn(sql: string): string[] {
  return tokenize(sql)
    .filter((token) => token.type === 'word' || token.type === 'quoted')
    .map(unquoted);
}
