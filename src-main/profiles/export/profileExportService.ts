// Profiles handed on: as an encrypted bundle with their passwords (profileBundle.ts), or as pgAdmin's
// servers.json without them. Either is audited with the names it carried, never a secret.
import type { ProfileExport } from '../../../src-shared/api';
import { SwitchyardError } from '../../../src-shared/errors';
import type { Profile } from '../../../src-shared/model/profile';
import { passphraseWeakness } from '../../../src-shared/model/passphraseStrength';
import type { StoreSession } from '../../session/storeSession';
import type { ProfileService } from '../profileService';
import { bundledFields, sealBundle } from './profileBundle';
import { pgadminServersJson } from './pgadminExport';

export class ProfileExportService {
  constructor(
    private readonly session: StoreSession,
    private readonly profiles: ProfileService,
  ) {}

  /** The profiles named (by name or id), or every profile when none is named. */
  private chosen(names: string[] | undefined): Profile[] {
    const chosen = names?.length ? names.map((name) => this.profiles.named(name)) : this.profiles.list();
    if (chosen.length === 0) throw new SwitchyardError('E_NOT_FOUND', 'There are no connection profiles to export.');
    return chosen;
  }

  async bundle(names: string[] | undefined, passphrase: string, actor: string): Promise<ProfileExport> {
    const weakness = passphraseWeakness(passphrase);
    if (weakness)
      throw new SwitchyardError(
        'E_WEAK_PASSPHRASE',
        `${weakness} The bundle carries passwords, so its passphrase must be hard to guess. Nothing was exported.`,
      );
    const { profiles: repository, audit } = this.session.store;
    const chosen = this.chosen(names);
    const text = await sealBundle(
      chosen.map((profile) => {
        const password = profile.hasPassword ? repository.password(profile.id) : undefined;
        const secrets = profile.ssh.length ? repository.sshSecrets(profile.id) : [];
        const ssh = profile.ssh.map(({ hasSecret: _hasSecret, ...hop }, index) => ({ ...hop, ...(secrets[index] ? { secret: secrets[index] } : {}) }));
        return { ...bundledFields(profile), ...(password ? { password } : {}), ...(ssh.length ? { ssh } : {}) };
      }),
      passphrase,
    );
    const carried = chosen.map((p) => p.name);
    audit.append({
      actor,
      action: 'profile.export',
      target: carried.join(', '),
      detail: { format: 'bundle', profiles: carried, passwords: chosen.filter((p) => p.hasPassword).length },
    });
    return { text, profiles: carried, leftOut: [] };
  }

  pgadmin(names: string[] | undefined, actor: string): ProfileExport {
    const chosen = this.chosen(names);
    const { text, leftOut } = pgadminServersJson(chosen);
    const carried = chosen.map((p) => p.name).filter((name) => !leftOut.includes(name));
    this.session.store.audit.append({
      actor,
      action: 'profile.export',
      target: carried.join(', '),
      detail: { format: 'pgadmin', profiles: carried, passwords: 0 },
    });
    return { text, profiles: carried, leftOut };
  }
}
