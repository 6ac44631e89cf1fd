// What the expression of a PL/pgSQL EXECUTE spells, as far as it is written out: the whole text when
// it is constant ('a' || 'b', format() of constants), or its written parts around the computed ones.
import type { A_Expr, FuncCall, Node } from 'libpg-query';

/** Stands for a computed part in `writtenParts`: never in SQL text, so no name runs across it. */
export const computed = '\0';

function isConcatenation(expression: A_Expr): boolean {
  const [operator] = expression.name ?? [];
  return operator !== undefined && 'String' in operator && operator.String.sval === '||';
}

function isFormat(call: FuncCall): boolean {
  const name = call.funcname?.at(-1);
  return name !== undefined && 'String' in name && name.String.sval === 'format';
}

/** As PostgreSQL's quote_ident: bare when it reads back as the same name, else double-quoted. */
function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/** As PostgreSQL's quote_literal, E'' when a backslash is in it. */
function quoteLiteral(value: string): string {
  const quoted = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

// %[n$]type; flags and widths (%-10s) are rare in DDL and left computed.
const specifier = /%(?:(\d+)\$)?([-\d]*)([sIL%])/g;

/** format(template, args…) as PostgreSQL spells it; `text(arg)` null when an argument is computed. */
function formatted(template: string, args: ReadonlyArray<string | null>, fill: (kind: string) => string): string {
  let next = 0;
  return template.replace(specifier, (_match, position: string | undefined, flags: string, kind: string) => {
    if (kind === '%') return '%';
    const index = position === undefined ? next : Number(position) - 1;
    next = index + 1;
    const value = args[index];
    if (flags !== '' || value === null || value === undefined) return fill(kind);
    return kind === 'I' ? quoteIdent(value) : kind === 'L' ? quoteLiteral(value) : value;
  });
}

/** The text a constant expression stands for, or null: `'a'`, `'a' || 'b'`, `'a'::text`, `format('%I', 'a')`. */
export function constantText(node: Node | undefined): string | null {
  if (!node) return null;
  if ('A_Const' in node) return node.A_Const.sval?.sval ?? null;
  if ('TypeCast' in node) return constantText(node.TypeCast.arg);
  if ('A_Expr' in node && isConcatenation(node.A_Expr)) {
    const left = constantText(node.A_Expr.lexpr);
    const right = constantText(node.A_Expr.rexpr);
    return left === null || right === null ? null : left + right;
  }
  if ('FuncCall' in node && isFormat(node.FuncCall)) {
    const [template, ...args] = (node.FuncCall.args ?? []).map(constantText);
    if (template === null || template === undefined || args.includes(null)) return null;
    let complete = true;
    const text = formatted(template, args, () => {
      complete = false;
      return computed;
    });
    return complete ? text : null;
  }
  return null;
}

/** The written parts of an expression, with `computed` for each part computed when it runs. */
export function writtenParts(node: Node | undefined): string {
  const constant = constantText(node);
  if (constant !== null) return constant;
  if (!node) return computed;
  if ('A_Expr' in node && isConcatenation(node.A_Expr)) return writtenParts(node.A_Expr.lexpr) + writtenParts(node.A_Expr.rexpr);
  if ('FuncCall' in node && isFormat(node.FuncCall)) {
    const [template, ...args] = (node.FuncCall.args ?? []).map(constantText);
    if (template !== null && template !== undefined) return formatted(template, args, () => computed);
  }
  return computed;
}
