// sqitch.conf: where a sqitch project keeps its plan and scripts. It is git-config syntax, and each
// setting is looked up as sqitch's Target does (App::Sqitch::Target `_fetch`): `engine.<engine>.<key>`,
// then `core.<key>` (a named target's own section first, when the engine names one).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Anomaly } from '../../../src-shared/model/revision';
import { normaliseText } from '../../migrations/readers/projectFiles';

export const sqitchConfFile = 'sqitch.conf';

/** The registry schema Switchyard reads and writes: sqitch's default (`engine.pg.registry`). */
export const sqitchRegistry = 'sqitch';

export interface SqitchLayout {
  /** Paths relative to the project folder, with forward slashes and no leading `./`. */
  planFile: string;
  deployDir: string;
  revertDir: string;
  verifyDir: string;
  reworkedDeployDir: string;
  reworkedRevertDir: string;
  reworkedVerifyDir: string;
  /** The scripts' extension, without the dot (`sql`). */
  extension: string;
  /** The engine sqitch.conf names (`pg`, `sqlite`), or null when it names none. */
  engine: string | null;
  problems: Anomaly[];
}

interface Setting {
  value: string;
  line: number;
}

/** `section.sub.key` → value, with git-config's case rules: section and key names are case-insensitive, a subsection is not. */
function parseGitConfig(text: string): Map<string, Setting> {
  const settings = new Map<string, Setting>();
  let section = '';
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]$/.exec(line);
    if (header) {
      const [, name = '', subsection] = header;
      section = subsection === undefined ? name.toLowerCase() : `${name.toLowerCase()}.${subsection.replace(/\\(.)/g, '$1')}`;
      continue;
    }
    const entry = /^([A-Za-z][A-Za-z0-9_-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!entry || section === '') continue;
    const [, key = '', value] = entry;
    settings.set(`${section}.${key.toLowerCase()}`, { value: configValue(value ?? 'true'), line: index + 1 });
  }
  return settings;
}

/** A value without its trailing comment and with its quotes undone. */
function configValue(raw: string): string {
  let value = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && i + 1 < raw.length) value += raw[++i];
    else if (!quoted && (c === '#' || c === ';')) break;
    else value += c;
  }
  return value.trim();
}

function relative(path: string): string {
  const slashed = path.replace(/\\/g, '/').replace(/\/+$/, '');
  const parts = slashed.split('/').filter((part, i) => part !== '.' || i === 0);
  const joined = parts.join('/').replace(/^\.\//, '');
  return joined === '' ? '.' : joined;
}

const unsupported = (line: number, reason: string): Anomaly => ({
  kind: 'unsupportedSetting',
  message: `${sqitchConfFile}:${line}: ${reason}`,
  file: sqitchConfFile,
  line,
  revisions: [],
});

const under = (dir: string, name: string) => (dir === '.' ? name : `${dir}/${name}`);

export function readSqitchLayout(dir: string): SqitchLayout {
  const path = join(dir, sqitchConfFile);
  const settings = existsSync(path) ? parseGitConfig(normaliseText(readFileSync(path, 'utf8'))) : new Map<string, Setting>();
  const engine = settings.get('core.engine')?.value ?? null;
  const targetName = (engine ? settings.get(`engine.${engine}.target`)?.value : undefined) ?? settings.get('core.target')?.value;
  const fetch = (key: string): Setting | undefined =>
    (targetName ? settings.get(`target.${targetName}.${key}`) : undefined) ??
    (engine ? settings.get(`engine.${engine}.${key}`) : undefined) ??
    settings.get(`core.${key}`);
  const value = (key: string) => {
    const found = fetch(key)?.value;
    return found ? relative(found) : undefined;
  };
  const top = value('top_dir') ?? '.';
  const reworked = value('reworked_dir') ?? top;
  const problems: Anomaly[] = [];
  const engineSetting = settings.get('core.engine');
  if (engineSetting && engineSetting.value !== 'pg') {
    problems.push(
      unsupported(
        engineSetting.line,
        `engine = ${engineSetting.value}: the scripts are written for that engine, and Switchyard runs sqitch projects on PostgreSQL (engine pg) only`,
      ),
    );
  }
  const registry = fetch('registry');
  if (registry && registry.value !== sqitchRegistry) {
    problems.push(
      unsupported(
        registry.line,
        `registry = ${registry.value}: Switchyard reads and writes sqitch's registry in the schema "${sqitchRegistry}" only, so its status would not be this registry's`,
      ),
    );
  }
  return {
    planFile: value('plan_file') ?? under(top, 'sqitch.plan'),
    deployDir: value('deploy_dir') ?? under(top, 'deploy'),
    revertDir: value('revert_dir') ?? under(top, 'revert'),
    verifyDir: value('verify_dir') ?? under(top, 'verify'),
    reworkedDeployDir: value('reworked_deploy_dir') ?? under(reworked, 'deploy'),
    reworkedRevertDir: value('reworked_revert_dir') ?? under(reworked, 'revert'),
    reworkedVerifyDir: value('reworked_verify_dir') ?? under(reworked, 'verify'),
    extension: fetch('extension')?.value || 'sql',
    engine,
    problems,
  };
}
