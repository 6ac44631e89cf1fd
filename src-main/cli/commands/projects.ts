// `switchyard projects …`: migration projects with their environments in promotion order and their
// database bindings. Thin over ProjectService (the API's projects.* for what the app also does).
import { projectInputSchema, type EnvironmentMember, type Project } from '../../../src-shared/model/project';
import { actorName, type Services } from '../../services';
import { checkedInput } from '../checkedInput';
import type { Command } from '../command';
import { call, openServices } from '../openServices';
import { printJson, printTable, say, UsageError } from '../output';
import { parseFlags } from '../parseFlags';
import { commandLine } from '../shellWords';

const usage = `Usage: switchyard projects add NAME DIR [--format F] [--alembic CMD] [--json]
       switchyard projects env NAME ENV PROFILE… [--order dev,staging,prod] [--json]
       switchyard projects bind NAME LABEL ROLE [--json]
       switchyard projects unbind NAME LABEL [--json]
       switchyard projects list|show NAME|remove NAME [--json]

  add      a project of the migrations in DIR (the format detected, or --format; --alembic: the command
           that runs Alembic); the connections already bound to DIR become its environments, by their
           environment, in promotion order (dev, test, staging, prod, demo)
  env      sets the connections of the environment ENV (made when new: environments keep the order of
           first use, or --order's); PROFILE is a connection's name, or ROLE=NAME for a database role
  bind     the revisions of the branch label LABEL (or the version location) run on the connection of
           the role ROLE in each environment (a project of several databases); unbind forgets it
  list     the projects; show NAME one of them with its environments and bindings; remove NAME forgets
           the project (its connections and databases stay)

  Every command that takes --profile also takes --project NAME --env ENV: the environment's connection
  (--role ROLE or --profile NAME picks one when it has several).`;

const options = {
  json: { type: 'boolean' },
  format: { type: 'string' },
  alembic: { type: 'string' },
  order: { type: 'string' },
} as const;

/** What each action takes: its words, and how many (at least, at most). */
const forms: Record<string, { words: string; least: number; most: number }> = {
  add: { words: 'NAME DIR', least: 2, most: 2 },
  env: { words: 'NAME ENV PROFILE…', least: 3, most: Infinity },
  bind: { words: 'NAME LABEL ROLE', least: 3, most: 3 },
  unbind: { words: 'NAME LABEL', least: 2, most: 2 },
  list: { words: 'no words', least: 0, most: 0 },
  show: { words: 'NAME', least: 1, most: 1 },
  remove: { words: 'NAME', least: 1, most: 1 },
};

/** PROFILE or ROLE=PROFILE; a connection whose own name holds '=' is taken whole. */
function memberOf(word: string, services: Services): EnvironmentMember {
  const whole = services.session.store.profiles.findByName(word);
  const split = word.indexOf('=');
  if (whole || split <= 0) return { profileId: services.profiles.named(word).id, role: 'main' };
  return { profileId: services.profiles.named(word.slice(split + 1)).id, role: word.slice(0, split) };
}

interface ShownMember {
  profileId: string;
  profileName: string;
  role: string;
}

/** The project with its members' names, as --json prints it and the text is written from. */
function shown(project: Project, services: Services) {
  const { profiles } = services.session.store;
  return {
    ...project,
    environments: project.environments.map((e) => ({
      name: e.name,
      members: e.members.map((m): ShownMember => ({ ...m, profileName: profiles.get(m.profileId).name })),
    })),
  };
}

function projectText(project: ReturnType<typeof shown>): string {
  const lines = [
    `${project.name}: ${project.dir}`,
    `  format: ${project.format}${project.alembicCommand ? `, Alembic run with: ${project.alembicCommand}` : ''}`,
    `  production promotions need a second person's approval: ${project.requireApproval ? 'yes' : 'no'}`,
  ];
  if (project.environments.length === 0) lines.push(`  no environments yet: ${commandLine(['projects', 'env', project.name, 'ENV', 'PROFILE'])}`);
  else lines.push('  environments, in promotion order:');
  for (const env of project.environments) {
    const members = env.members.map((m) => (m.role === 'main' ? m.profileName : `${m.role}=${m.profileName}`));
    lines.push(
      `    ${env.name}: ${members.length > 0 ? members.join(', ') : `no connections (none given, or removed): ${commandLine(['projects', 'env', project.name, env.name, 'PROFILE'])}`}`,
    );
  }
  if (project.bindings.length > 0) lines.push(`  bindings: ${project.bindings.map((b) => `${b.label} on the ${b.role} database`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** A role no connection plays yet is said, with the command that gives it one. */
function unplayedRole(project: Project, role: string): string | undefined {
  const played = project.environments.some((e) => e.members.some((m) => m.role.toLowerCase() === role.toLowerCase()));
  if (played) return undefined;
  return `No connection plays the role ${role} yet: give it one in each environment with ${commandLine(['projects', 'env', project.name, 'ENV', `${role}=PROFILE`])}`;
}

export const projectsCommand: Command = {
  name: 'projects',
  summary: 'migration projects: their environments in promotion order, their connections and database bindings',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { options, allowPositionals: true }, usage);
    const [action, ...words] = positionals;
    if (!action || !Object.hasOwn(forms, action)) throw new UsageError(`Say what to do: ${Object.keys(forms).join(', ')}.\n\n${usage}`);
    const form = forms[action] as (typeof forms)[string];
    if (words.length < form.least || words.length > form.most) throw new UsageError(`projects ${action} takes ${form.words}.\n\n${usage}`);
    if ((values.format || values.alembic) && action !== 'add') throw new UsageError(`--format and --alembic go with projects add.\n\n${usage}`);
    if (values.order && action !== 'env') throw new UsageError(`--order goes with projects env.\n\n${usage}`);
    const json = Boolean(values.json);
    const actor = actorName('cli');
    const services = await openServices();
    try {
      const { projects } = services;
      const [name = '', second = '', third = ''] = words;
      let project: Project;
      const notes: string[] = [];
      switch (action) {
        case 'list': {
          const all = await call(services, 'projects.list', {});
          if (json) printJson(all.map((p) => shown(p, services)));
          else if (all.length === 0) say(`No projects yet: ${commandLine(['projects', 'add', 'NAME', 'DIR'])}\n`);
          else
            printTable(
              ['NAME', 'FORMAT', 'ENVIRONMENTS', 'FOLDER'],
              all.map((p) => [p.name, p.format, p.environments.map((e) => `${e.name} (${e.members.length})`).join(', ') || '-', p.dir]),
            );
          return 0;
        }
        case 'show':
          project = await call(services, 'projects.get', { project: name });
          break;
        case 'remove':
          project = projects.remove(name, actor);
          if (json) printJson({ removed: project.name });
          else say(`Project ${project.name} removed (its connections and databases are untouched).\n`);
          return 0;
        case 'add': {
          const detection = await call(services, 'projects.detect', { dir: second });
          const input = checkedInput(
            projectInputSchema,
            {
              ...detection.proposal,
              name,
              ...(values.format ? { format: values.format } : {}),
              ...(values.alembic ? { alembicCommand: values.alembic } : {}),
            },
            { name: 'NAME', dir: 'DIR', format: '--format', alembicCommand: '--alembic' },
            usage,
          );
          project = await call(services, 'projects.create', { project: input });
          notes.push(`Read as ${detection.format} (${detection.reason}), ${detection.revisions} revisions.`, ...detection.notes);
          if (project.environments.length > 0) {
            notes.push(`Environments from the connections bound to ${detection.dir}: ${project.environments.map((e) => e.name).join(', ')}.`);
          }
          break;
        }
        case 'env': {
          const members = words.slice(2).map((word) => memberOf(word, services));
          const order = values.order
            ?.split(',')
            .map((e) => e.trim())
            .filter(Boolean);
          project = projects.setEnvironment(name, second, members, actor, order);
          break;
        }
        case 'bind':
          project = projects.bind(name, second, third, actor);
          notes.push(unplayedRole(project, third) ?? '');
          break;
        default:
          project = projects.unbind(name, second, actor);
      }
      const result = shown(project, services);
      const said = notes.filter(Boolean);
      if (json) printJson(said.length > 0 ? { ...result, notes: said } : result);
      else say(`${projectText(result)}${said.map((n) => `${n}\n`).join('')}`);
      return 0;
    } finally {
      services.close();
    }
  },
};
