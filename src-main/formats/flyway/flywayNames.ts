// What a file's name makes of it for Flyway: `V1_2__add_users.sql` (versioned), `U1_2__add_users.sql`
// (undo, Flyway Teams), `R__views.sql` (repeatable), `beforeMigrate.sql` (a callback), or nothing.
// As ResourceNameParser.parse in flyway/flyway
// (flyway-core/src/main/java/org/flywaydb/core/internal/resource/ResourceNameParser.java): the suffix
// is matched ignoring case, the longest prefix first, the name split at the first separator, and the
// description is the rest with underscores as spaces.
import { parseFlywayVersion, type FlywayVersion } from './flywayVersion';
import type { FlywaySettings } from './flywaySettings';

export type FlywayName =
  | { kind: 'versioned' | 'undo'; version: FlywayVersion; description: string; base: string }
  | { kind: 'repeatable'; description: string; base: string }
  | { kind: 'callback' }
  /** A migration prefix with a name Flyway refuses; `why` in Flyway's terms. */
  | { kind: 'invalid'; why: string };

type Naming = Pick<FlywaySettings, 'versionedPrefix' | 'undoPrefix' | 'repeatablePrefix' | 'separator' | 'suffixes'>;

// Flyway's callback events (org.flywaydb.core.api.callback.Event) all begin so: beforeMigrate, afterEachMigrate…
const callback = /^(before|after)[A-Z]/;

/** Null when the name has none of the suffixes or none of the prefixes: Flyway does not look at the file. */
export function parseFlywayName(name: string, naming: Naming): FlywayName | null {
  const suffix = naming.suffixes.find((s) => name.toUpperCase().endsWith(s.toUpperCase()));
  if (suffix === undefined) return null;
  const base = name.slice(0, name.length - suffix.length);
  if (callback.test(base)) return { kind: 'callback' };
  const prefixes = [
    { prefix: naming.versionedPrefix, kind: 'versioned' as const },
    { prefix: naming.undoPrefix, kind: 'undo' as const },
    { prefix: naming.repeatablePrefix, kind: 'repeatable' as const },
  ].sort((a, b) => b.prefix.length - a.prefix.length);
  const found = prefixes.find((p) => base.startsWith(p.prefix));
  if (!found) return null;
  const rest = base.slice(found.prefix.length);
  const at = rest.indexOf(naming.separator);
  const before = at < 0 ? rest : rest.slice(0, at);
  const description = (at < 0 ? '' : rest.slice(at + naming.separator.length)).replace(/_/g, ' ');
  if (found.kind === 'repeatable') {
    if (before !== '')
      return { kind: 'invalid', why: `a repeatable migration's name cannot hold a version (${found.prefix}${naming.separator}<description>${suffix})` };
    return { kind: 'repeatable', description, base };
  }
  if (before === '')
    return { kind: 'invalid', why: `a versioned migration's name must hold a version (${found.prefix}1.2${naming.separator}<description>${suffix})` };
  const version = parseFlywayVersion(before);
  if (!version) return { kind: 'invalid', why: `Flyway cannot recognise the version number "${before}"` };
  return { kind: found.kind, version, description, base };
}
