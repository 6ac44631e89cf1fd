// Flyway's history table: its name (the default `table` setting) and how long texts are cut to fit its
// columns, as AbbreviationUtils does (flyway/flyway, flyway-core/src/main/java/org/flywaydb/core/internal/util/AbbreviationUtils.java).
export const flywayTable = 'flyway_schema_history';

/** description is VARCHAR(200). Flyway also compares a repeatable's description so cut. */
export function recordedDescription(description: string): string {
  return description.length <= 200 ? description : `${description.slice(0, 197)}...`;
}

/** script is VARCHAR(1000): Flyway keeps characters 3 to 999 behind "...". */
export function recordedScript(script: string): string {
  return script.length <= 1000 ? script : `...${script.slice(3, 1000)}`;
}
