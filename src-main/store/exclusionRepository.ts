// A profile's exclusion rules (another application's objects, never drift), kept beside its project binding.
import { exclusionRulesSchema, noExclusions, type ExclusionRules } from '../../src-shared/model/drift';
import type { StoreDatabase } from './openStore';

export class ExclusionRepository {
  constructor(private readonly db: StoreDatabase) {}

  /** The profile's rules; none set apart nothing. */
  get(profileId: string): ExclusionRules {
    const row = this.db.prepare('SELECT rules FROM project_exclusions WHERE profile_id = ?').get(profileId) as { rules: string } | undefined;
    return row ? exclusionRulesSchema.parse(JSON.parse(row.rules)) : noExclusions;
  }

  set(profileId: string, rules: ExclusionRules): void {
    this.db
      .prepare('INSERT INTO project_exclusions (profile_id, rules) VALUES (?, ?) ON CONFLICT (profile_id) DO UPDATE SET rules = excluded.rules')
      .run(profileId, JSON.stringify(rules));
  }
}
