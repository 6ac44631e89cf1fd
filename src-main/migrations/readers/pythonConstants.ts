// Looks up a name an Alembic header uses instead of a literal (`branch_labels = (cli.CONTRACT_BRANCH,)`)
// without running Python: a module-level constant of the same file, or of a module it imports from
// the project (`import x.y as z`, `from x import y`, relative imports), read statically.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { LiteralError, readPythonValue, type PythonLiteral, type PythonValue } from './pythonLiteral';
import { normaliseText } from './projectFiles';

export type Resolution = { ok: true; value: PythonLiteral } | { ok: false; reason: string };

/** What a top-level name is bound to: a value assigned in the module, or something imported. */
type Binding =
  | { kind: 'value'; value: PythonValue; index: number }
  | { kind: 'computed'; reason: string; index: number }
  | { kind: 'module'; module: string; index: number }
  | { kind: 'imported'; module: string; name: string; index: number };

/** A module found on disk: its source (null for a namespace package, a folder only) and its folder if it is a package. */
interface Module {
  file: string | null;
  packageDir: string | null;
}

const assignment = /^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*/gm;
const importLine = /^import[ \t]+([^\n#;]+)/gm;
const fromImport = /^from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)/gm;
// Names can be nested this deep (a constant naming a constant naming…) before the lookup gives up.
const maxDepth = 8;

function topLevelBindings(text: string): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  // Python keeps the binding made last in the file, whatever made it.
  const bind = (name: string, binding: Binding) => {
    const previous = bindings.get(name);
    if (!previous || previous.index < binding.index) bindings.set(name, binding);
  };
  assignment.lastIndex = 0;
  for (let match = assignment.exec(text); match; match = assignment.exec(text)) {
    const at = match.index + match[0].length;
    try {
      const read = readPythonValue(text, at);
      bind(match[1] as string, { kind: 'value', value: read.value, index: match.index });
    } catch (error) {
      bind(match[1] as string, { kind: 'computed', reason: error instanceof LiteralError ? error.message : 'unreadable', index: match.index });
    }
  }
  importLine.lastIndex = 0;
  for (let match = importLine.exec(text); match; match = importLine.exec(text)) {
    for (const part of (match[1] as string).split(',')) {
      const [module, alias] = part.trim().split(/\s+as\s+/) as [string, string | undefined];
      // `import a.b.c` binds `a`; `import a.b.c as z` binds z to a.b.c.
      if (alias) bind(alias.trim(), { kind: 'module', module, index: match.index });
      else if (module) bind(module.split('.')[0] as string, { kind: 'module', module: module.split('.')[0] as string, index: match.index });
    }
  }
  fromImport.lastIndex = 0;
  for (let match = fromImport.exec(text); match; match = fromImport.exec(text)) {
    const module = match[1] as string;
    const names = (match[2] as string).replace(/^\(|\)$/g, '').replace(/#[^\n]*/g, '');
    for (const part of names.split(',')) {
      const [name, alias] = part.trim().split(/\s+as\s+/) as [string, string | undefined];
      if (name && name !== '*') bind((alias ?? name).trim(), { kind: 'imported', module, name, index: match.index });
    }
  }
  return bindings;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function moduleAt(base: string, parts: readonly string[]): Module | null {
  const path = join(base, ...parts);
  if (isFile(`${path}.py`)) return { file: `${path}.py`, packageDir: null };
  if (isFile(join(path, '__init__.py'))) return { file: join(path, '__init__.py'), packageDir: path };
  // A namespace package: a folder without __init__.py.
  if (parts.length > 0 && existsSync(path) && statSync(path).isDirectory()) return { file: null, packageDir: path };
  return parts.length === 0 ? { file: null, packageDir: path } : null;
}

/** The constants of a project's Python modules; one per project read, so each module is read once. */
export class ProjectConstants {
  private readonly scopes = new Map<string, Map<string, Binding>>();

  /**
   * `roots` are the folders absolute imports start from (the project, the top of the file's package);
   * `above`, when given, is a folder whose parents are looked in after them, nearest first, as Alembic's
   * `package:path` locations are: the application beside a Flask-Migrate `migrations/` folder, or the
   * service whose package holds alembic.ini (OpenStack's `neutron/db/migration/alembic.ini`), is on
   * sys.path when the tool runs, though above the folder read.
   */
  constructor(
    private readonly roots: readonly string[],
    private readonly above?: string,
  ) {}

  /** Looks `name` (dotted) up as the module in `file`, whose text is `text`, sees it. */
  resolve(file: string, text: string, name: string): Resolution {
    if (!this.scopes.has(file)) this.scopes.set(file, topLevelBindings(text));
    return this.lookup({ file, packageDir: null }, name.split('.'), 0);
  }

  private scope(file: string | null): Map<string, Binding> {
    if (file === null) return new Map();
    let scope = this.scopes.get(file);
    if (!scope) {
      let text = '';
      try {
        text = normaliseText(readFileSync(file, 'utf8'));
      } catch {
        // An unreadable module binds nothing: the lookup says the name is not found in it.
      }
      scope = topLevelBindings(text);
      this.scopes.set(file, scope);
    }
    return scope;
  }

  private where(module: Module): string {
    const path = module.file ?? module.packageDir ?? '?';
    const rel = relative(this.roots[0] ?? '', path);
    return rel.startsWith('..') ? path : rel;
  }

  /** The module `spec` (`a.b`, `.`, `..a`) imported from `fromFile`, found on disk. */
  private findModule(spec: string, fromFile: string): Module | null {
    const dots = /^\.*/.exec(spec)?.[0].length ?? 0;
    const parts = spec.slice(dots).split('.').filter(Boolean);
    if (dots > 0) {
      let base = dirname(fromFile);
      for (let up = 1; up < dots; up += 1) base = dirname(base);
      return moduleAt(base, parts);
    }
    for (const root of this.roots) {
      const found = moduleAt(root, parts);
      if (found) return found;
    }
    if (this.above === undefined) return null;
    for (let below = this.above, dir = dirname(below); dir !== below; below = dir, dir = dirname(dir)) {
      const found = moduleAt(dir, parts);
      if (found) return found;
    }
    return null;
  }

  /** Where absolute imports were looked for, for a name not found. */
  private lookedUnder(): string {
    return `${this.roots.join(', ')}${this.above ? ` and the folders above ${this.above}` : ''}`;
  }

  private submodule(module: Module, name: string): Module | null {
    return module.packageDir ? moduleAt(module.packageDir, [name]) : null;
  }

  private lookup(module: Module, parts: readonly string[], depth: number): Resolution {
    if (depth > maxDepth) return { ok: false, reason: `names lead more than ${maxDepth} constants deep` };
    const [head, ...rest] = parts as [string, ...string[]];
    const binding = this.scope(module.file).get(head);
    if (!binding) {
      // `pkg.sub.NAME` where `sub` is a module of the package, imported or not.
      const sub = rest.length > 0 ? this.submodule(module, head) : null;
      if (sub) return this.lookup(sub, rest, depth + 1);
      return { ok: false, reason: `${head} is not assigned or imported at the top level of ${this.where(module)}` };
    }
    if (binding.kind === 'computed') return { ok: false, reason: `${head} in ${this.where(module)} is computed (${binding.reason}), not a literal` };
    if (binding.kind === 'value') {
      if (rest.length > 0) return { ok: false, reason: `${head} in ${this.where(module)} is a value, not a module` };
      return this.valueOf(binding.value, module, depth);
    }
    const from = module.file ?? join(module.packageDir ?? '', '__init__.py');
    if (binding.kind === 'module') {
      const target = this.findModule(binding.module, from);
      if (!target) return { ok: false, reason: `module ${binding.module} is not a file of the project (looked under ${this.lookedUnder()})` };
      if (rest.length === 0) return { ok: false, reason: `${head} is a module, not a value` };
      return this.lookup(target, rest, depth + 1);
    }
    const source = this.findModule(binding.module, from);
    if (!source) return { ok: false, reason: `module ${binding.module || '.'} is not a file of the project (looked under ${this.lookedUnder()})` };
    // `from pkg import cli`: a submodule when rest follows, else a name of pkg (maybe re-exported).
    const sub = this.submodule(source, binding.name);
    if (rest.length > 0 && sub) return this.lookup(sub, rest, depth + 1);
    return this.lookup(source, [binding.name, ...rest], depth + 1);
  }

  private valueOf(value: PythonValue, module: Module, depth: number): Resolution {
    if (value === null || typeof value === 'string') return { ok: true, value };
    if (Array.isArray(value)) {
      const items: PythonLiteral[] = [];
      for (const item of value) {
        const read = this.valueOf(item, module, depth + 1);
        if (!read.ok) return read;
        items.push(read.value);
      }
      return { ok: true, value: items };
    }
    return this.lookup(module, value.name.split('.'), depth + 1);
  }
}

/** The folder absolute imports of `file` start from: above the outermost package (folder with __init__.py) holding it. */
export function importRoot(file: string): string {
  let dir = dirname(file);
  while (isFile(join(dir, '__init__.py')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
