// The packaged app's Electron fuses, read from the builder config electron-builder itself reads.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  electronFuses?: Record<string, unknown>;
  files?: string[];
}

const config = load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

describe('the packaged binary', () => {
  it('cannot be run as plain Node, through NODE_OPTIONS or with an inspector', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('encrypts its cookies and loads only its own integrity-checked ASAR', () => {
    expect(config.electronFuses).toMatchObject({
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs build output only, never the CLI bundle or source maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', '!dist/cli/**/*', '!**/*.map']));
  });
});
