// The one place an engine is chosen: a third engine is one more folder and one more line here.
import type { Engine as EngineKind } from '../../src-shared/model/profile';
import type { Engine } from './engine';
import { postgresEngine } from './postgres/postgresEngine';
import { sqliteEngine } from './sqlite/sqliteEngine';

const engines: Record<EngineKind, Engine> = {
  postgres: postgresEngine,
  sqlite: sqliteEngine,
};

export function engineFor(kind: EngineKind): Engine {
  return engines[kind];
}
