// The bindings' rehearsal API (bindings.rehearse, bindings.rehearsal, bindings.run's rehearsal) through
// the real dispatcher on real PostgreSQL: a database whose branch has two heads rehearses both runs in
// turn on one clone (a shared revision once), its standing then says rehearsed, a run that requires a
// rehearsal goes on each database's, and on dev connections a default run does not rehearse and says why.
import { describe, expect, it } from 'vitest';
import { actor, boundEnvironments } from '../../support/boundEnvironments';
import { callAs, operationToEnd } from '../../support/serviceCalls';

describe('bindings.rehearse, bindings.rehearsal and bindings.run’s rehearsals', () => {
  it('rehearses a database’s two heads in turn on one clone, reports it rehearsed, and runs on it when a rehearsal is required', async () => {
    // auth forks after a1: two heads (a2, a3) on one database; specs one chain on the other. Dev connections.
    const envs = await boundEnvironments('socrates', ['dev'], {
      specs: [
        { id: 'a1', parents: [], branch: 'auth', message: 'users', up: 'CREATE TABLE users (id int PRIMARY KEY);', down: 'DROP TABLE users;' },
        { id: 'a2', parents: ['a1'], message: 'sessions', up: 'CREATE TABLE sessions (id int);', down: 'DROP TABLE sessions;' },
        { id: 'a3', parents: ['a1'], message: 'tokens', up: 'ALTER TABLE users ADD COLUMN token text;', down: 'ALTER TABLE users DROP COLUMN token;' },
        { id: 's1', parents: [], branch: 'specs', message: 'projects', up: 'CREATE TABLE projects (id int);', down: 'DROP TABLE projects;' },
      ],
    });
    const { services } = envs;
    const versions = (role: 'auth' | 'specs') => envs.versions('dev', role);
    const input = { project: 'socrates', env: 'dev', action: 'upgrade' as const, to: 'heads' };

    const before = await callAs(services, actor, 'bindings.rehearsal', input);
    expect(before.databases.map((d) => [d.role, d.targets, d.rehearsesByDefault, d.standing?.state])).toEqual([
      ['auth', ['a2', 'a3'], false, 'none'],
      ['specs', ['s1'], false, 'none'],
    ]);

    const rehearsed = await operationToEnd(services, actor, 'bindings.rehearse', input);
    expect(rehearsed.error).toBeUndefined();
    const [auth, specs] = rehearsed.result?.databases ?? [];
    expect(rehearsed.result?.ok).toBe(true);
    // Both of auth's runs on one clone, the second after the first: a1 once.
    expect(auth?.rehearsal.state).toBe('rehearsed');
    expect(auth?.rehearsal.rehearsal?.steps.map((s) => s.revision)).toEqual(['a1', 'a2', 'a3']);
    expect(auth?.rehearsal.rehearsal?.requests?.map((r) => r.to)).toEqual(['a2', 'a3']);
    expect(specs?.rehearsal.rehearsal?.steps.map((s) => s.revision)).toEqual(['s1']);
    expect([await versions('auth'), await versions('specs')]).toEqual([[], []]);

    const after = await callAs(services, actor, 'bindings.rehearsal', input);
    expect(after.databases.map((d) => d.standing?.state)).toEqual(['rehearsed', 'rehearsed']);

    const ran = await operationToEnd(services, actor, 'bindings.run', { ...input, rehearsal: 'required' });
    expect(ran.error).toBeUndefined();
    expect(ran.result?.databases.map((d) => [d.role, d.ran, d.rehearsal?.state])).toEqual([
      ['auth', ['a1', 'a2', 'a3'], 'reused'],
      ['specs', ['s1'], 'reused'],
    ]);
    expect([await versions('auth'), await versions('specs')]).toEqual([['a1', 'a2', 'a3'], ['s1']]);

    // Dev connections: a default run does not rehearse, and each database says why; a database off the target has nothing to rehearse.
    const down = await operationToEnd(services, actor, 'bindings.run', { project: 'socrates', env: 'dev', action: 'downgrade', to: 'specs@-1' });
    expect(down.error).toBeUndefined();
    expect(down.result?.databases.map((d) => [d.role, d.rehearsal?.state])).toEqual([
      ['specs', 'notAsked'],
      ['auth', 'nothing'],
    ]);
    const entries = await callAs(services, actor, 'audit.list', { limit: 50 });
    expect(entries.filter((e) => e.action === 'bindings.rehearse').length).toBe(1);
    expect(entries.filter((e) => e.action === 'runner.rehearse').map((e) => e.target)).toEqual(['socrates_dev_specs', 'socrates_dev_auth']);
  });
});
