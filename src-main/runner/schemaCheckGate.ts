// What a run asks of the schema check after it (DriftService implements it): the runner depends on
// this, not on the service, which replays the migrations through the runner's own machinery.
import type { PreviewStep } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import type { RunSchemaCheck } from '../../src-shared/model/schemaCheck';
import type { TargetRef } from '../../src-shared/model/targetRef';

export interface SchemaChecks {
  /**
   * Starts replaying, in the background, what the migrations make once `steps` have run, so the check
   * after the run finds it replayed (the run dialog's preview); its failure is the check's to say.
   */
  prepare(ref: TargetRef, steps: readonly PreviewStep[]): void;
  /**
   * The database's whole schema against what its migrations make at `appliedNow` (read after the run),
   * read through `reader` (the run's own connection, its lock released) when given; never throws.
   */
  afterRun(ref: TargetRef, appliedNow: readonly string[], reader?: Driver): Promise<RunSchemaCheck>;
}
