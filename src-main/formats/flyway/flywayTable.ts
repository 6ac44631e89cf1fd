// The name of Flyway's history table (its default `table` setting), shared by its reader and writer.
export const flywayTable = 'flyway_schema_history';
