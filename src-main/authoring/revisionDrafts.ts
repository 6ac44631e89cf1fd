// A new revision, a merge of heads or a re-parent drafted as a write plan over a loaded project, with
// the graph it leaves (heads and roots before and after). Native and Alembic projects; other formats
// are refused, since their tools name and order revisions themselves.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { SwitchyardError } from '../../src-shared/errors';
import { resolveUpgradeTarget } from '../../src-shared/graph/addressing';
import { buildGraph, withAncestors, type RevisionGraph } from '../../src-shared/graph/revisionGraph';
import type { AuthoringRequest, GraphChange } from '../../src-shared/model/authoring';
import type { Revision } from '../../src-shared/model/revision';
import type { WritePlan } from '../../src-shared/model/writePlan';
import { alembicVersionDirsFor } from '../migrations/readers/alembicIni';
import type { LoadedProject } from '../migrations/project';
import { alembicReparented, alembicRevisionFile, postWriteHooksNote, type NewRevisionFields } from './alembicRevisionFile';
import { nativeReparented, nativeRevisionFile } from './nativeRevisionFile';
import { readProjectFile } from './projectWrites';

export interface RevisionDraft {
  plan: WritePlan;
  revision: { id: string; file: string; parents: string[] };
  graph: GraphChange;
  /** The revisions as they will be read after the write. */
  after: Revision[];
  notes: string[];
}

/** A revision id as Alembic makes one (util.rev_id: the last 12 hex digits of a uuid4). */
export function newRevisionId(): string {
  return randomBytes(6).toString('hex');
}

function authorable(project: LoadedProject): void {
  const { format, files } = project.files;
  if (format !== 'native' && format !== 'alembic')
    throw new SwitchyardError(
      'E_INVALID_PROJECT',
      `${format} projects are written by their own tool; Switchyard writes revisions into native and Alembic projects only.`,
    );
  if (format === 'native' && files.length > 0 && files.every((f) => !/^--\s*revision\s*:/im.test(f.text)))
    throw new SwitchyardError(
      'E_INVALID_PROJECT',
      'This native project is a numbered chain without `-- revision:` headers: its order is its file names, so it has no parents to write. Add the next numbered file yourself.',
    );
}

/** One revision named as a parent: an id, a prefix, a label, `label@head`, `head`; `base` for none. */
function parentOf(graph: RevisionGraph, name: string): string[] {
  if (name === 'base') return [];
  const found = resolveUpgradeTarget(graph, name, []);
  if (found.length !== 1) throw new SwitchyardError('E_UNKNOWN_REVISION', `"${name}" does not name one revision to build on.`, { target: name });
  return found;
}

function graphChange(before: RevisionGraph, after: readonly Revision[]): GraphChange {
  const next = buildGraph(after);
  return { headsBefore: before.heads, headsAfter: next.heads, basesBefore: before.bases, basesAfter: next.bases };
}

function fileOf(project: LoadedProject, id: string): string {
  return (project.graph.byId.get(id) as Revision).file;
}

function created(project: LoadedProject, fields: NewRevisionFields): WritePlan['files'][number] {
  const dir = project.files.project;
  const parentFiles = fields.parents.map((p) => fileOf(project, p));
  if (project.files.format === 'alembic') return alembicRevisionFile(alembicVersionDirsFor(dir), dir, fields, parentFiles);
  return nativeRevisionFile(fields, readdirSync(dir), parentFiles[0] ?? project.graph.revisions[0]?.file);
}

function newFile(project: LoadedProject, fields: NewRevisionFields, notes: string[]): RevisionDraft {
  const file = created(project, fields);
  const hooks = project.files.format === 'alembic' ? postWriteHooksNote(alembicVersionDirsFor(project.files.project)) : null;
  if (hooks) notes.push(hooks);
  if (readProjectFile(project.files.project, file.path) !== null)
    throw new SwitchyardError('E_INVALID_INPUT', `${file.path} exists already. Nothing was written.`);
  const revision: Revision = {
    id: fields.id,
    parents: [...fields.parents],
    dependsOn: [],
    branchLabels: fields.label === null ? [] : [fields.label],
    message: fields.message,
    createdAt: null,
    file: file.path,
    line: 1,
  };
  const after = [...project.graph.revisions, revision];
  return {
    plan: { projectDir: project.files.project, files: [file] },
    revision: { id: fields.id, file: file.path, parents: [...fields.parents] },
    graph: graphChange(project.graph, after),
    after,
    notes,
  };
}

function draftNew(project: LoadedProject, request: Extract<AuthoringRequest, { action: 'new' }>, id: string, now: Date): RevisionDraft {
  const { graph } = project;
  const parents = parentOf(graph, request.parent);
  const label = request.label ?? null;
  if (label !== null && graph.labels.has(label))
    throw new SwitchyardError('E_INVALID_INPUT', `The branch label "${label}" is taken by ${graph.labels.get(label)}.`);
  const notes = parents
    .filter((p) => !graph.heads.includes(p))
    .map((p) => `${p} is not a head: the new revision starts a branch beside its children (Alembic's --splice).`);
  return newFile(project, { id, parents, label, message: request.message, now }, notes);
}

function draftMerge(project: LoadedProject, request: Extract<AuthoringRequest, { action: 'merge' }>, id: string, now: Date): RevisionDraft {
  const { graph } = project;
  const heads = request.heads === 'all' ? graph.heads : [...new Set(request.heads.map((h) => parentOf(graph, h)[0] as string))];
  if (heads.length < 2)
    throw new SwitchyardError('E_INVALID_INPUT', `A merge needs at least two heads; the project has ${graph.heads.length === 1 ? 'one' : 'none'}.`);
  const notHeads = heads.filter((h) => !graph.heads.includes(h));
  if (notHeads.length > 0)
    throw new SwitchyardError('E_INVALID_INPUT', `${notHeads.join(', ')} ${notHeads.length === 1 ? 'is not a head' : 'are not heads'}: a merge joins heads.`);
  return newFile(project, { id, parents: heads, label: null, message: request.message, now }, []);
}

function draftReparent(project: LoadedProject, request: Extract<AuthoringRequest, { action: 'reparent' }>): RevisionDraft {
  const { graph } = project;
  const id = parentOf(graph, request.revision)[0];
  if (id === undefined) throw new SwitchyardError('E_INVALID_INPUT', 'base has no parents to change; name a revision.');
  const parents = parentOf(graph, request.parent);
  if (parents.some((p) => withAncestors(graph, [p]).has(id) || p === id))
    throw new SwitchyardError('E_CYCLE', `${parents[0]} comes after ${id}: making it ${id}'s parent would close a cycle. Nothing was written.`);
  const original = graph.byId.get(id) as Revision;
  if (original.parents.length === parents.length && original.parents.every((p, i) => p === parents[i]))
    throw new SwitchyardError('E_INVALID_INPUT', `${id}'s parent is ${parents[0] ?? 'base'} already.`);
  const dir = project.files.project;
  const before = readProjectFile(dir, original.file);
  if (before === null) throw new SwitchyardError('E_FILE_NOT_FOUND', `${original.file} is gone since the project was read.`);
  const after = project.files.format === 'alembic' ? alembicReparented(before, parents, original.file) : nativeReparented(before, parents, original.file);
  const revisions = graph.revisions.map((r) => (r.id === id ? { ...r, parents } : r));
  const notes = original.parents.length > 1 ? [`${id} was a merge of ${original.parents.join(', ')}; it will have one parent.`] : [];
  return {
    plan: { projectDir: dir, files: [{ path: original.file, before, after }] },
    revision: { id, file: original.file, parents },
    graph: graphChange(graph, revisions),
    after: revisions,
    notes,
  };
}

/** The write a request makes, drafted over the project as read now; nothing is written. */
export function draftRevision(project: LoadedProject, request: AuthoringRequest, now = new Date(), id = newRevisionId()): RevisionDraft {
  authorable(project);
  if (request.action === 'new') return draftNew(project, request, id, now);
  if (request.action === 'merge') return draftMerge(project, request, id, now);
  return draftReparent(project, request);
}
