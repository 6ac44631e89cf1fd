// What static analysis says a revision does to the set of tables.

/** A table the revision may create without the analysis being sure that it does. */
export interface MayCreate {
  table: string;
  /** Why it may: "function make_audit() creates it when called", "named in a dynamic EXECUTE at 0005_x.sql:12". */
  how: string;
}

export interface TableChanges {
  created: string[];
  dropped: string[];
  renamed: Array<{ from: string; to: string }>;
  /** Why part of the revision could not be read (SQL the parser rejects, a dynamic EXECUTE, a function in another language), with its file and line. */
  problems: string[];
  /**
   * Of `created`, those made only where absent (IF NOT EXISTS, or under a condition or an exception
   * handler in a DO block): an existing table does not make the upgrade fail.
   */
  createdIfAbsent?: string[];
  /** Tables in functions' bodies (made when called) and named by statements the analysis could not read. */
  mayCreate?: MayCreate[];
}

/** How static analysis names a table: `public.x` and `x` are the same table; other schemas keep their prefix. */
export function tableName(schema: string | undefined, name: string): string {
  return schema && schema !== 'public' ? `${schema}.${name}` : name;
}
