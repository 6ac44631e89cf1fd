// The part of Mako that Alembic's script.py.mako templates use (docs.makotemplates.org, "Syntax"):
// `${expression | filters}`, `% if` / `% elif` / `% else` / `% endif` lines, `##` comments, a line's
// trailing backslash joining it to the next, and `<%! import … %>` module blocks. Expressions are a
// small piece of Python: names, string and number literals, None/True/False, calls of the template's
// functions (`repr`, `str`, `comma`), `not`/`and`/`or`, `==`/`!=`/`is`, and `a if b else c`. Anything
// else (`% for`, `<% %>` code, `<%text>`, attribute access) is refused naming its line, never guessed.
import { SwitchyardError } from '../../src-shared/errors';

/** A Python value as the template sees it: None, a bool, a number, a str, a tuple, a function, or an undefined name. */
export type PyValue = null | boolean | number | string | readonly PyValue[] | PyFunction | typeof undefinedName;
export type PyFunction = (...args: PyValue[]) => PyValue;

/** Mako's UNDEFINED: false in a test, an error when printed. */
export const undefinedName = Symbol('UNDEFINED');

export type TemplateContext = Readonly<Record<string, PyValue>>;

function unsupported(line: number, what: string): SwitchyardError {
  return new SwitchyardError('E_UNSUPPORTED_TEMPLATE', `script.py.mako line ${line}: ${what}, which Switchyard does not render. Nothing was written.`, {
    line,
  });
}

/** Python's repr() of a str: single quotes unless the text holds one and no double quote. */
function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

export function pyRepr(value: PyValue): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return reprString(value);
  if (Array.isArray(value)) return value.length === 1 ? `(${pyRepr(value[0] as PyValue)},)` : `(${value.map((v: PyValue) => pyRepr(v)).join(', ')})`;
  throw new SwitchyardError('E_UNSUPPORTED_TEMPLATE', 'script.py.mako prints a function or an undefined name. Nothing was written.');
}

export function pyStr(value: PyValue): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

function truthy(value: PyValue): boolean {
  if (value === undefinedName || value === null || value === false || value === 0 || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

type Token = { kind: 'name' | 'string' | 'number' | 'op'; text: string; value?: string | number };

const tokenPattern = /\s*(?:([A-Za-z_]\w*)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(\d+)|(==|!=|[(),.|]))/y;

function tokenize(source: string, line: number): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(tokenPattern.lastIndex))) break;
    const at = tokenPattern.lastIndex;
    const match = tokenPattern.exec(source);
    if (!match) throw unsupported(line, `\`${source.slice(at).trim()}\` in an expression`);
    if (match[1] !== undefined) tokens.push({ kind: 'name', text: match[1] });
    else if (match[2] !== undefined)
      tokens.push({
        kind: 'string',
        text: match[2],
        value: match[2].slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c),
      });
    else if (match[3] !== undefined) tokens.push({ kind: 'number', text: match[3], value: Number(match[3]) });
    else tokens.push({ kind: 'op', text: match[4] as string });
  }
  return tokens;
}

/** A recursive-descent evaluator over the tokens of one expression. */
class Expression {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly context: TemplateContext,
    private readonly line: number,
  ) {}

  private peek(text?: string): Token | undefined {
    const token = this.tokens[this.at];
    return text === undefined || token?.text === text ? token : undefined;
  }

  private take(text: string): boolean {
    if (!this.peek(text)) return false;
    this.at += 1;
    return true;
  }

  evaluate(): PyValue {
    const value = this.conditional();
    if (this.at < this.tokens.length) throw unsupported(this.line, `\`${this.tokens[this.at]?.text}\` in an expression`);
    return value;
  }

  conditional(): PyValue {
    const value = this.or();
    if (!this.take('if')) return value;
    const test = this.or();
    if (!this.take('else')) throw unsupported(this.line, 'an `if` without `else` in an expression');
    const otherwise = this.conditional();
    return truthy(test) ? value : otherwise;
  }

  private or(): PyValue {
    let value = this.and();
    while (this.take('or')) {
      const right = this.and();
      value = truthy(value) ? value : right;
    }
    return value;
  }

  private and(): PyValue {
    let value = this.not();
    while (this.take('and')) {
      const right = this.not();
      value = truthy(value) ? right : value;
    }
    return value;
  }

  private not(): PyValue {
    return this.take('not') ? !truthy(this.not()) : this.comparison();
  }

  private comparison(): PyValue {
    const left = this.primary();
    if (this.take('==')) return pyEquals(left, this.primary());
    if (this.take('!=')) return !pyEquals(left, this.primary());
    if (this.take('is')) {
      const negated = this.take('not');
      const same = pyEquals(left, this.primary());
      return negated ? !same : same;
    }
    return left;
  }

  private primary(): PyValue {
    const token = this.tokens[this.at];
    if (!token) throw unsupported(this.line, 'an expression that ends too soon');
    this.at += 1;
    let value: PyValue;
    if (token.kind === 'string' || token.kind === 'number') value = token.value as string | number;
    else if (token.text === '(') {
      value = this.conditional();
      if (!this.take(')')) throw unsupported(this.line, 'a `(` without its `)`');
    } else if (token.kind === 'name') value = this.name(token.text);
    else throw unsupported(this.line, `\`${token.text}\` in an expression`);
    while (this.peek('(')) value = this.call(value);
    if (this.peek('.')) throw unsupported(this.line, 'attribute access (`.`)');
    return value;
  }

  private name(name: string): PyValue {
    if (name === 'None') return null;
    if (name === 'True') return true;
    if (name === 'False') return false;
    return name in this.context ? (this.context[name] as PyValue) : undefinedName;
  }

  private call(callee: PyValue): PyValue {
    this.take('(');
    const args: PyValue[] = [];
    while (!this.take(')')) {
      args.push(this.conditional());
      if (!this.peek(')') && !this.take(',')) throw unsupported(this.line, 'a call without its `)`');
    }
    if (typeof callee !== 'function') throw unsupported(this.line, 'a call of something that is not one of the template’s functions');
    return callee(...args);
  }
}

function pyEquals(a: PyValue, b: PyValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v: PyValue, i) => pyEquals(v, b[i] as PyValue));
  return a === b;
}

const builtins: TemplateContext = { repr: (v) => pyRepr(v), str: (v) => pyStr(v) };

/** `${…}` text: the expression and the filters after its last top-level `|`. */
function substitution(source: string, context: TemplateContext, line: number): string {
  const tokens = tokenize(source, line);
  const bar = tokens.findLastIndex((t) => t.text === '|');
  const filters = bar === -1 ? [] : tokens.slice(bar + 1).filter((t) => t.text !== ',');
  let value = new Expression(bar === -1 ? tokens : tokens.slice(0, bar), { ...builtins, ...context }, line).evaluate();
  if (value === undefinedName) throw unsupported(line, `a name the template is not given (\`${source.trim()}\`)`);
  const names = filters.map((f) => f.text);
  // Mako's default filter (str) runs first unless `n` turns it off; then the expression's own, in order.
  if (!names.includes('n')) value = pyStr(value);
  for (const name of names) {
    if (name === 'n') continue;
    if (name === 'trim') value = pyStr(value).trim();
    else if (name === 'str') value = pyStr(value);
    else {
      const filter = context[name];
      if (typeof filter !== 'function') throw unsupported(line, `the filter \`${name}\``);
      value = filter(value);
    }
  }
  return pyStr(value);
}

/** The end of a `${…}` starting at `start` (the index after `${`): braces and quotes counted. */
function closingBrace(text: string, start: number, line: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      if (end === -1) break;
      i = end;
    } else if (ch === '{') depth += 1;
    else if (ch === '}') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  throw unsupported(line, 'a `${` without its `}`');
}

function expandLine(text: string, context: TemplateContext, line: number): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('${'); open !== -1; open = text.indexOf('${', from)) {
    const close = closingBrace(text, open + 2, line);
    out += text.slice(from, open) + substitution(text.slice(open + 2, close), context, line);
    from = close + 1;
  }
  return out + text.slice(from);
}

/** Drops `<%! import … %>` blocks (the names they import are not used by the supported expressions); refuses other tags. */
function withoutModuleBlocks(template: string): string {
  return template.replace(/<%!([\s\S]*?)%>/g, (block, body: string, offset: number) => {
    const line = template.slice(0, offset).split('\n').length;
    if (body.split('\n').some((l) => l.trim() !== '' && !/^(import|from)\s/.test(l.trim()))) throw unsupported(line, 'a `<%! %>` block with more than imports');
    return '\n'.repeat(block.split('\n').length - 1);
  });
}

interface Branch {
  /** This branch's lines are printed. */
  active: boolean;
  /** A branch of this if was taken already. */
  taken: boolean;
  /** The enclosing block prints. */
  outer: boolean;
}

function controlLine(rest: string, stack: Branch[], context: TemplateContext, line: number): void {
  const test = (source: string) => truthy(new Expression(tokenize(source, line), { ...builtins, ...context }, line).evaluate());
  const current = stack[stack.length - 1];
  const keyword = /^(\w+)/.exec(rest)?.[1];
  const condition = rest.replace(/^\w+/, '').replace(/:\s*$/, '');
  if (keyword === 'if') {
    const outer = current ? current.active : true;
    const active = outer && test(condition);
    stack.push({ active, taken: active, outer });
  } else if (keyword === 'elif' || keyword === 'else') {
    if (!current) throw unsupported(line, `\`% ${keyword}\` without \`% if\``);
    const active = current.outer && !current.taken && (keyword === 'else' || test(condition));
    current.active = active;
    current.taken = current.taken || active;
  } else if (keyword === 'endif') {
    if (!stack.pop()) throw unsupported(line, '`% endif` without `% if`');
  } else throw unsupported(line, `\`% ${rest}\``);
}

/** The template rendered with `context`, as Mako renders it for Alembic's generate_revision. */
export function renderMako(template: string, context: TemplateContext): string {
  const source = withoutModuleBlocks(template);
  const tag = /<%(?!!)|<\/%/.exec(source);
  if (tag) throw unsupported(source.slice(0, tag.index).split('\n').length, 'a `<% %>` tag');
  const out: string[] = [];
  const stack: Branch[] = [];
  const lines = source.split('\n');
  let pending = '';
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const stripped = raw.trimStart();
    if (stripped.startsWith('##')) continue;
    if (stripped.startsWith('%') && !stripped.startsWith('%%')) {
      controlLine(stripped.slice(1).trim(), stack, context, line);
      continue;
    }
    if (stack.length > 0 && !(stack[stack.length - 1] as Branch).active) continue;
    const text = stripped.startsWith('%%') ? raw.replace('%%', '%') : raw;
    // A backslash ending a line joins it to the next (Mako's line continuation).
    if (text.endsWith('\\') && index < lines.length - 1) {
      pending += expandLine(text.slice(0, -1), context, line);
      continue;
    }
    out.push(pending + expandLine(text, context, line));
    pending = '';
  }
  if (stack.length > 0) throw unsupported(lines.length, 'a `% if` without `% endif`');
  return out.join('\n');
}
