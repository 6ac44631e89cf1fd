// Words printed for a POSIX shell: pasted, they run exactly what was meant (quoted only where needed).

const plainWord = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

export function shellWord(word: string): string {
  return plainWord.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(words: readonly string[]): string {
  return ['switchyard', ...words].map(shellWord).join(' ');
}
