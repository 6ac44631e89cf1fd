// The least a master passphrase must be to protect a new store: whoever copies the store file can try
// passphrases against it offline, as fast as their machines allow, and it holds every saved password.

export const minimumPassphraseLength = 12;
export const minimumDistinctCharacters = 5;

/** What the passphrase must be, said before it is typed. */
export const passphraseRule = `At least ${minimumPassphraseLength} characters, ${minimumDistinctCharacters} of them different — a few words make a good one.`;

/** Why this passphrase may not protect a new store, or undefined when it may. */
export function passphraseWeakness(passphrase: string): string | undefined {
  // Characters as people count them: an emoji or an accented letter is one, not two UTF-16 units.
  const characters = Array.from(passphrase.normalize('NFC'));
  if (characters.length < minimumPassphraseLength) {
    return `The passphrase is too short: ${characters.length} of at least ${minimumPassphraseLength} characters. It protects every saved password, and a copy of the store can be guessed at offline.`;
  }
  if (new Set(characters).size < minimumDistinctCharacters) {
    return `The passphrase repeats too few characters: use at least ${minimumDistinctCharacters} different ones. It protects every saved password, and a copy of the store can be guessed at offline.`;
  }
  return undefined;
}
