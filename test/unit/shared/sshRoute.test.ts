import { describe, expect, it } from 'vitest';
import { parseSshDestination, sshHopName, sshRouteInputSchema } from '../../../src-shared/model/sshRoute';
import { profileInputSchema } from '../../../src-shared/model/profile';

describe('an SSH route', () => {
  it('reads USER@HOST[:PORT] as --ssh takes it, IPv6 in brackets, and says what is wrong otherwise', () => {
    expect(parseSshDestination('deploy@bastion.example.com')).toEqual({ user: 'deploy', host: 'bastion.example.com', port: 22 });
    expect(parseSshDestination('ops@[2001:db8::1]:2222')).toEqual({ user: 'ops', host: '2001:db8::1', port: 2222 });
    expect(parseSshDestination('bastion.example.com')).toBe('"bastion.example.com" is not USER@HOST[:PORT]');
    expect(parseSshDestination('a@b:70000')).toBe('the port of "a@b:70000" must be 1–65535');
  });

  it('names a host as ssh would be given it', () => {
    expect(sshHopName({ user: 'deploy', host: 'bastion', port: 22 })).toBe('deploy@bastion');
    expect(sshHopName({ user: 'ops', host: '2001:db8::1', port: 2222 })).toBe('ops@[2001:db8::1]:2222');
  });

  it('needs a key file for key sign-in and a fingerprint as ssh prints it', () => {
    const issues = sshRouteInputSchema.safeParse([{ host: 'b', user: 'u', auth: 'key', hostKey: 'MD5:aa:bb' }]).error?.issues.map((i) => i.path.join('.'));
    expect(issues?.sort()).toEqual(['0.hostKey', '0.keyFile']);
    expect(sshRouteInputSchema.parse([{ host: 'b', user: 'u', auth: 'agent' }])).toEqual([
      { host: 'b', port: 22, user: 'u', auth: 'agent', keyFile: '', hostKey: '' },
    ]);
  });

  it('is refused on a profile whose engine opens a file', () => {
    const result = profileInputSchema.safeParse({
      name: 'f',
      environment: 'dev',
      engine: 'sqlite',
      sqlitePath: '/tmp/x.db',
      ssh: [{ host: 'b', user: 'u', auth: 'agent' }],
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['ssh']);
  });
});
