// A sqitch project read as sqitch reads it: sqitch.plan's order (each change follows the one planned
// before it), `requires` as dependencies, reworked changes with their `name@tag` scripts, and each
// change's deploy, revert and verify scripts. sqitch runs a script as it is (psql), BEGIN and COMMIT
// included, so the bodies run statement by statement outside a transaction Switchyard would open.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Anomaly, Revision } from '../../../src-shared/model/revision';
import { normaliseText, unreadableFile, type ProjectFiles, type RevisionFile, type SqlBody } from '../../migrations/readers/projectFiles';
import { changeId, tagId } from './changeId';
import { readSqitchLayout, type SqitchLayout } from './sqitchConfig';
import { dependencyText, parseSqitchPlan, type PlanDependency, type PlannedChange, type SqitchPlan } from './sqitchPlan';
import type { SqitchChangeData } from './sqitchChangeData';

type Script = 'deploy' | 'revert' | 'verify';

function scriptDirs(layout: SqitchLayout, reworked: boolean): Record<Script, string> {
  return reworked
    ? { deploy: layout.reworkedDeployDir, revert: layout.reworkedRevertDir, verify: layout.reworkedVerifyDir }
    : { deploy: layout.deployDir, revert: layout.revertDir, verify: layout.verifyDir };
}

const under = (dir: string, name: string) => (dir === '.' ? name : `${dir}/${name}`);

/** The script's path as App::Sqitch::Plan::Change `path_segments` finds it: a reworked change's first `name@tag` file that exists. */
function scriptPath(project: string, dir: string, change: PlannedChange, extension: string): string {
  if (change.reworkTags.length === 0) return under(dir, `${change.name}.${extension}`);
  const candidates = change.reworkTags.map((tag) => under(dir, `${change.name}@${tag}.${extension}`));
  return candidates.find((path) => existsSync(join(project, path))) ?? candidates[0] ?? under(dir, `${change.name}.${extension}`);
}

/** The tag sqitch qualifies a reworked change with: the first one planned after it. */
function revisionId(change: PlannedChange, laterTags: (change: PlannedChange) => string | undefined): string {
  if (change.reworkTags.length === 0) return change.name;
  return `${change.name}@${change.tags[0]?.name ?? laterTags(change) ?? change.reworkTags[0]}`;
}

interface ReadScript {
  body: SqlBody;
  raw: Buffer;
}

function readScript(project: string, path: string, own: boolean, problems: Anomaly[]): ReadScript | null {
  const full = join(project, path);
  if (!existsSync(full)) return null;
  let raw: Buffer;
  try {
    raw = readFileSync(full);
  } catch (error) {
    problems.push(unreadableFile(path, 1, `cannot be read: ${error instanceof Error ? error.message : String(error)}`));
    return null;
  }
  const sql = normaliseText(raw.toString('utf8'));
  const lines = sql.split('\n');
  const meta = lines.findIndex((line) => /^[ \t]*\\[a-zA-Z!?]/.test(line));
  if (meta !== -1) {
    problems.push(
      unreadableFile(
        path,
        meta + 1,
        `a psql meta-command (${lines[meta]?.trim()}): sqitch runs scripts through psql, Switchyard sends them to the server, which refuses it`,
      ),
    );
  }
  return { body: { sql, line: 1, transaction: false, ...(own ? {} : { file: path }) }, raw };
}

/** The change a `requires` entry names, among those planned before `index` (sqitch refuses the plan otherwise). */
function resolveRequired(plan: SqitchPlan, index: number, dependency: PlanDependency, ids: readonly string[]): number | null {
  if (dependency.id !== null) {
    const at = ids.indexOf(dependency.id);
    return at !== -1 && at < index ? at : null;
  }
  let limit = index - 1;
  if (dependency.tag !== null) {
    const tagged = plan.changes.findIndex((c) => c.tags.some((t) => t.name === dependency.tag));
    if (tagged === -1 || tagged >= index) return null;
    if (dependency.change === null) return tagged;
    limit = tagged;
  }
  // change@tag is the instance planned last before the tag; a bare name the first one, as sqitch's registry
  // resolves it (App::Sqitch::Engine `change_id_for_depend`: the earliest deployed).
  const instances = plan.changes.slice(0, limit + 1).flatMap((change, at) => (change.name === dependency.change ? [at] : []));
  return (dependency.tag === null ? instances[0] : instances.at(-1)) ?? null;
}

/**
 * sqitch looks a conflict of this project up in the plan when it deploys (App::Sqitch::Plan::Depend `id`)
 * and refuses the change when the plan has no such change: said here, and refused when deployed.
 */
function unplannedConflict(plan: SqitchPlan, change: PlannedChange, planFile: string, problems: Anomaly[]): string | null {
  const unknown = change.conflicts.find(
    (d) =>
      (d.project === null || d.project === plan.project) &&
      d.id === null &&
      !plan.changes.some((c) => c.name === (d.change ?? c.name) && (d.tag === null || c.tags.some((t) => t.name === d.tag))),
  );
  if (!unknown) return null;
  const reason = `it conflicts with "${dependencyText(unknown, plan.project)}", which the plan does not have (sqitch: Unable to find change in plan)`;
  problems.push(unreadableFile(planFile, change.line, `sqitch refuses to deploy "${change.name}": ${reason}`));
  return reason;
}

/** Scripts under the script folders that no planned change uses: sqitch would never run them. */
function scriptsNotPlanned(project: string, layout: SqitchLayout, used: ReadonlySet<string>, planFile: string): Anomaly[] {
  const folders = new Set([layout.deployDir, layout.revertDir, layout.verifyDir, layout.reworkedDeployDir, layout.reworkedRevertDir, layout.reworkedVerifyDir]);
  const found: Anomaly[] = [];
  for (const folder of folders) {
    let entries: string[];
    try {
      entries = readdirSync(join(project, folder), { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const entry of entries.sort()) {
      const path = under(folder, entry.split('\\').join('/'));
      if (!path.endsWith(`.${layout.extension}`) || used.has(path)) continue;
      found.push({
        kind: 'unusedFile',
        message: `${path}: no change in ${planFile} uses this script, so sqitch never runs it; not run`,
        file: path,
        line: null,
        revisions: [],
      });
    }
  }
  return found;
}

export function readSqitchProject(project: string): ProjectFiles {
  const layout = readSqitchLayout(project);
  const problems: Anomaly[] = [...layout.problems];
  const planPath = join(project, layout.planFile);
  if (!existsSync(planPath)) {
    problems.push(unreadableFile(layout.planFile, 1, 'the plan sqitch.conf names (or sqitch.plan) does not exist: no change can be read'));
    return { format: 'sqitch', project, files: [], unreadable: problems };
  }
  const plan = parseSqitchPlan(normaliseText(readFileSync(planPath, 'utf8')), layout.planFile);
  problems.push(...plan.problems);
  const identity = { project: plan.project, uri: plan.uri };

  const ids: string[] = [];
  for (const change of plan.changes) ids.push(changeId(identity, change, ids.at(-1) ?? null));
  const laterTag = (change: PlannedChange) => plan.changes.slice(plan.changes.indexOf(change) + 1).find((c) => c.tags.length > 0)?.tags[0]?.name;
  const revisionIds = plan.changes.map((change) => revisionId(change, laterTag));
  const idOf = (at: number) => ids[at] ?? '';
  const revisionOf = (at: number) => revisionIds[at] ?? '';

  const used = new Set<string>();
  const files: RevisionFile[] = plan.changes.map((change, index) => {
    const dirs = scriptDirs(layout, change.reworkTags.length > 0);
    const paths = {
      deploy: scriptPath(project, dirs.deploy, change, layout.extension),
      revert: scriptPath(project, dirs.revert, change, layout.extension),
      verify: scriptPath(project, dirs.verify, change, layout.extension),
    };
    const deploy = readScript(project, paths.deploy, true, problems);
    const revert = readScript(project, paths.revert, false, problems);
    const verify = readScript(project, paths.verify, false, problems);
    if (!deploy)
      problems.push(
        unreadableFile(paths.deploy, 1, `the deploy script of change "${change.name}" (${layout.planFile}:${change.line}) is missing; sqitch cannot deploy it`),
      );
    for (const path of Object.values(paths)) used.add(path);

    const dependsOn: string[] = [];
    const requires: SqitchChangeData['requires'] = [];
    for (const dependency of change.requires) {
      const text = dependencyText(dependency, plan.project);
      if (dependency.project !== null && dependency.project !== plan.project) {
        problems.push(
          unreadableFile(
            layout.planFile,
            change.line,
            `"${change.name}" requires ${text}, a change of another sqitch project: Switchyard does not check that it is deployed before this one (sqitch does)`,
          ),
        );
        requires.push({ text, changeId: null, project: dependency.project, change: dependency.change, tag: dependency.tag });
        continue;
      }
      const at = resolveRequired(plan, index, dependency, ids);
      if (at === null) {
        problems.push(
          unreadableFile(layout.planFile, change.line, `sqitch refuses this plan: "${change.name}" requires ${text}, which is not planned before it`),
        );
        continue;
      }
      if (!dependsOn.includes(revisionOf(at))) dependsOn.push(revisionOf(at));
      requires.push({ text, changeId: idOf(at), project: null, change: null, tag: null });
    }
    const revision: Revision = {
      id: revisionOf(index),
      parents: index === 0 ? [] : [revisionOf(index - 1)],
      dependsOn: dependsOn.filter((id) => index === 0 || id !== revisionOf(index - 1)),
      branchLabels: [],
      // One line, as graphs and logs show a message, with the tags sqitch shows beside the change (`orders @v1.0`).
      message: [change.note.replace(/\s*[\r\n]+\s*/g, ' '), ...change.tags.map((t) => `@${t.name}`)].filter((part) => part !== '').join(' '),
      createdAt: change.timestamp,
      file: paths.deploy,
      line: 1,
    };
    const data: SqitchChangeData = {
      project: plan.project,
      uri: plan.uri,
      changeId: idOf(index),
      previous: index === 0 ? null : { changeId: idOf(index - 1), revision: revisionOf(index - 1) },
      change: change.name,
      note: change.note,
      plannedAt: change.timestamp,
      plannerName: change.plannerName,
      plannerEmail: change.plannerEmail,
      scriptHash: deploy ? createHash('sha1').update(deploy.raw).digest('hex') : null,
      requires,
      conflicts: change.conflicts.map((d) => ({ text: dependencyText(d, plan.project), project: d.project ?? plan.project, change: d.change })),
      undeployable: deploy ? unplannedConflict(plan, change, layout.planFile, problems) : `the deploy script ${paths.deploy} is missing`,
      tags: change.tags.map((tag) => ({
        tagId: tagId(identity, tag, idOf(index)),
        tag: `@${tag.name}`,
        note: tag.note,
        plannedAt: tag.timestamp,
        plannerName: tag.plannerName,
        plannerEmail: tag.plannerEmail,
      })),
    };
    return {
      revision,
      text: deploy?.body.sql ?? '',
      up: deploy?.body ?? null,
      down: revert?.body ?? null,
      ...(revert
        ? {}
        : {
            noDowngrade: `Change ${revisionOf(index)} has no revert script (${paths.revert}), so sqitch cannot revert it either. Stamp it down instead if the change was undone by hand.`,
          }),
      verify: verify?.body ?? null,
      otherFiles: [layout.planFile, paths.revert, paths.verify].filter((path) => existsSync(join(project, path))),
      formatData: data,
    };
  });
  problems.push(...scriptsNotPlanned(project, layout, used, layout.planFile));
  return { format: 'sqitch', project, files, unreadable: problems };
}

/** The project's name as its plan declares it (`%project`), for reading its registry rows when it plans no change yet. */
export function readSqitchProjectName(project: string): string {
  const layout = readSqitchLayout(project);
  const planPath = join(project, layout.planFile);
  return existsSync(planPath) ? parseSqitchPlan(normaliseText(readFileSync(planPath, 'utf8')), layout.planFile).project : '';
}
