// The parts of two definitions that differ, word by word, for the Compare screen to highlight: the
// longest run of words both share stays plain, the rest is marked on its side.

export interface DefinitionPart {
  text: string;
  changed: boolean;
}

/** Words and the spaces between them, so the parts put back together are the definition exactly. */
function words(text: string): string[] {
  return text.match(/\s+|[A-Za-z0-9_]+|"(?:[^"]|"")*"|'(?:[^']|'')*'|[^\sA-Za-z0-9_"']/g) ?? [];
}

/** Beyond this many words a side, the table of common runs costs too much: each side is marked whole. */
const longest = 2_000;

function merged(tokens: string[], changed: boolean[]): DefinitionPart[] {
  const parts: DefinitionPart[] = [];
  tokens.forEach((text, i) => {
    const flag = (changed[i] ?? true) && text.trim() !== '';
    const last = parts[parts.length - 1];
    if (last && (last.changed === flag || text.trim() === '')) last.text += text;
    else parts.push({ text, changed: flag });
  });
  return parts;
}

/** Each side's definition in parts, the words the other side lacks marked changed. */
export function changedParts(a: string, b: string): { a: DefinitionPart[]; b: DefinitionPart[] } {
  const x = words(a);
  const y = words(b);
  if (x.length > longest || y.length > longest) return { a: [{ text: a, changed: a !== b }], b: [{ text: b, changed: a !== b }] };
  // lengths[i][j]: the longest common run of x[i…] and y[j…].
  const lengths = Array.from({ length: x.length + 1 }, () => new Uint16Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i -= 1)
    for (let j = y.length - 1; j >= 0; j -= 1)
      (lengths[i] as Uint16Array)[j] =
        x[i] === y[j] ? ((lengths[i + 1] as Uint16Array)[j + 1] as number) + 1 : Math.max(lengths[i + 1]?.[j] ?? 0, lengths[i]?.[j + 1] ?? 0);
  const keptA = new Array<boolean>(x.length).fill(false);
  const keptB = new Array<boolean>(y.length).fill(false);
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      keptA[i] = true;
      keptB[j] = true;
      i += 1;
      j += 1;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return {
    a: merged(
      x,
      keptA.map((k) => !k),
    ),
    b: merged(
      y,
      keptB.map((k) => !k),
    ),
  };
}
