// Options shared by the commands that read a migration project: --project, --format, --engine, --applied.
import { engines, type Engine } from '../../../src-shared/model/engine';
import { projectFormats, type ProjectFormat } from '../../../src-shared/model/revision';
import { revisionFor } from '../../../src-shared/graph/addressing';
import type { RevisionGraph } from '../../../src-shared/graph/revisionGraph';
import { UsageError } from '../output';

export const projectOptions = {
  project: { type: 'string' },
  format: { type: 'string' },
  engine: { type: 'string' },
  applied: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export function formatOption(value: string | undefined): ProjectFormat | undefined {
  if (value === undefined) return undefined;
  if (!(projectFormats as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${projectFormats.join(', ')}`);
  return value as ProjectFormat;
}

/** The engine whose files a format with per-engine files (pop's dialects) takes; default postgres. */
export function engineOption(value: string | undefined): Engine | undefined {
  if (value === undefined) return undefined;
  if (!(engines as readonly string[]).includes(value)) throw new UsageError(`--engine must be one of ${engines.join(', ')}`);
  return value as Engine;
}

export function appliedOption(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/** The revisions named by --applied, as full ids (prefixes and labels allowed, as Alembic allows). */
export function resolveApplied(graph: RevisionGraph, names: readonly string[]): string[] {
  return names.map((name) => revisionFor(graph, name));
}
