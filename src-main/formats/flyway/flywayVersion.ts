// Flyway's migration versions: `1_1` is `1.1`, parts compare as numbers (1.10 after 1.9) and a
// missing part counts as zero (1 and 1.0 are the same version). Follows MigrationVersion.java
// (flyway/flyway, flyway-core/src/main/java/org/flywaydb/core/api/MigrationVersion.java).

export interface FlywayVersion {
  /** As Flyway shows and records it (flyway_schema_history.version): underscores read as dots, leading zeros kept. */
  text: string;
  parts: bigint[];
}

/** Null when Flyway would not recognise the version number (it refuses such a file by name). */
export function parseFlywayVersion(raw: string): FlywayVersion | null {
  const text = raw.replace(/_/g, '.');
  // Flyway splits at a dot followed by a digit; any part that is then not a whole number is refused.
  const parts = text.split(/\.(?=\d)/);
  if (parts.some((part) => !/^\d+$/.test(part))) return null;
  return { text, parts: parts.map((part) => BigInt(part)) };
}

export function compareFlywayVersions(a: FlywayVersion, b: FlywayVersion): number {
  for (let i = 0; i < Math.max(a.parts.length, b.parts.length); i += 1) {
    const x = a.parts[i] ?? 0n;
    const y = b.parts[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The same key for versions Flyway holds equal: 1, 1.0 and 01.0.0 are one version. */
export function versionKey(version: FlywayVersion): string {
  const parts = [...version.parts];
  while (parts.length > 1 && parts[parts.length - 1] === 0n) parts.pop();
  return parts.join('.');
}
