import { describe, expect, it } from 'vitest';
import { passphraseWeakness } from '../../../src-shared/model/passphraseStrength';

describe('the passphrase a new store needs', () => {
  it('refuses a short passphrase, saying how long it is and how long it must be', () => {
    expect(passphraseWeakness('a')).toMatch(/too short: 1 of at least 12 characters/);
    expect(passphraseWeakness('hunter2hunt')).toMatch(/too short: 11 of at least 12/);
  });

  it('refuses a long passphrase of too few different characters', () => {
    expect(passphraseWeakness('aaaaaaaaaaaaaaaa')).toMatch(/at least 5 different/);
    expect(passphraseWeakness('abababababababab')).toMatch(/at least 5 different/);
  });

  it('says why the rule matters: the store holds every saved password and can be guessed at offline', () => {
    expect(passphraseWeakness('a')).toMatch(/protects every saved password.*offline/);
  });

  it('counts characters as people do: an emoji is one character, not two', () => {
    expect(passphraseWeakness('🔒🔒🔒🔒🔒🔒')).toMatch(/too short: 6 of/);
  });

  it('accepts a few words', () => {
    expect(passphraseWeakness('correct horse battery')).toBeUndefined();
    expect(passphraseWeakness('tram-lime-oboe')).toBeUndefined();
  });
});
