// A new rollout's form: which databases (an environment of the project, or a group; with bindings,
// which database role), where to, how many at a time, stop or continue after a failure, which
// databases rehearse on a clone before any runs, and the name production asks to be typed.
import type { FormEvent } from 'react';
import type { Project } from '../../../src-shared/model/project';
import { rolloutTypedName, type RolloutRehearsalMode } from '../../../src-shared/model/rollout';
import { projectRoles, useRollouts, type RolloutForm as Form } from './rolloutStore';

/** The group's field: a rollout started from the Groups screen opens the form with the focus there. */
export const rolloutGroupFieldId = 'rollout-group';

const rehearsalChoices: Record<RolloutRehearsalMode, string> = {
  canary: 'The first of each database role (canary)',
  each: 'Every staging and production database',
  skip: 'None (recorded on each row)',
};

/** With bindings: which database the rollout runs. An environment runs all of them role after role unless one is chosen; a group's members are the one chosen. */
function RoleField({ project, form, edit }: { project: Project; form: Form; edit: (change: Partial<Form>) => void }) {
  const roles = projectRoles(project);
  if (roles.length === 0) return null;
  const env = project.environments.find((e) => e.name === form.env);
  const playing = (role: string) => env?.members.filter((m) => m.role === role).length ?? 0;
  const help =
    form.scope === 'env'
      ? `Each database runs only its own branches' part of the target. Every database: ${roles.join(', then ')}: the next role starts when every database of the one before is done.`
      : "A group's members play no role of their own: choose the database they are; they run only that database's part of the target.";
  return (
    <>
      <label className="field">
        Database
        <select aria-label="Database" value={form.role} onChange={(e) => edit({ role: e.target.value })} aria-describedby="rollout-role-help">
          <option value="">{form.scope === 'env' ? `Every database, role after role (${roles.join(' → ')})` : 'Choose the database the members are…'}</option>
          {roles.map((role) => (
            <option key={role} value={role}>
              {form.scope === 'env' ? `${role} only (${playing(role)} connection${playing(role) === 1 ? '' : 's'})` : role}
            </option>
          ))}
        </select>
      </label>
      <p id="rollout-role-help" className="muted small rollout-role-help">
        {help}
      </p>
    </>
  );
}

export function RolloutForm() {
  const { project, groups, form, busy, opId, edit, start } = useRollouts();
  if (!project) return null;
  const typed = rolloutTypedName(form.scope === 'env' ? { env: form.env } : { group: form.group });
  // As the service refuses it: a group of a project with bindings runs as one database, named.
  const roleMissing = form.scope === 'group' && form.role === '' && projectRoles(project).length > 0;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void start();
  };
  return (
    <form className="rollout-form" aria-labelledby="rollout-form-heading" onSubmit={onSubmit}>
      <h2 id="rollout-form-heading">New rollout</h2>
      <fieldset>
        <legend>Databases</legend>
        <label>
          <input type="radio" name="rollout-scope" checked={form.scope === 'env'} onChange={() => edit({ scope: 'env' })} /> Every connection of an environment
        </label>
        <label>
          <input type="radio" name="rollout-scope" checked={form.scope === 'group'} onChange={() => edit({ scope: 'group' })} /> Every member of a group
        </label>
        {form.scope === 'env' ? (
          <label className="field">
            Environment
            <select aria-label="Environment" value={form.env} onChange={(e) => edit({ env: e.target.value })}>
              {project.environments.map((env) => (
                <option key={env.name} value={env.name}>
                  {env.name} ({env.members.length} connection{env.members.length === 1 ? '' : 's'})
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="field">
            Group
            <select id={rolloutGroupFieldId} aria-label="Group" value={form.group} onChange={(e) => edit({ group: e.target.value })}>
              <option value="">Choose a group…</option>
              {groups.map((group) => (
                <option key={group.id} value={group.name}>
                  {group.name} ({group.profileIds.length} connection{group.profileIds.length === 1 ? '' : 's'})
                </option>
              ))}
            </select>
          </label>
        )}
        <RoleField project={project} form={form} edit={edit} />
      </fieldset>
      <div className="rollout-options">
        <label className="field">
          Target
          <input value={form.to} onChange={(e) => edit({ to: e.target.value })} aria-describedby="rollout-target-help" />
        </label>
        <span id="rollout-target-help" className="muted small">
          heads, a revision, label@head…
        </span>
        <label className="field">
          At a time
          <input type="number" min={1} max={32} value={form.concurrency} onChange={(e) => edit({ concurrency: Number(e.target.value) })} />
        </label>
        <label>
          <input type="checkbox" checked={form.continueOnError} onChange={(e) => edit({ continueOnError: e.target.checked })} /> Continue after a failure
        </label>
        <label className="field">
          Rehearse on a clone first
          <select
            aria-label="Rehearse on a clone first"
            value={form.rehearsal}
            onChange={(e) => edit({ rehearsal: e.target.value as RolloutRehearsalMode })}
            aria-describedby="rollout-rehearsal-help"
          >
            {Object.entries(rehearsalChoices).map(([mode, words]) => (
              <option key={mode} value={mode}>
                {words}
              </option>
            ))}
          </select>
        </label>
        <span id="rollout-rehearsal-help" className="muted small">
          Staging and production databases only, before any database runs: one failed rehearsal runs nothing.
        </span>
      </div>
      <label className="field">
        On production connections, type {form.scope === 'env' ? "the environment's" : "the group's"} name ({typed || '—'}) to confirm
        <input value={form.typedName} onChange={(e) => edit({ typedName: e.target.value })} autoComplete="off" />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy !== undefined || opId !== undefined || roleMissing}>
          {busy === 'starting' ? 'Starting…' : 'Start rollout'}
        </button>
      </div>
    </form>
  );
}
