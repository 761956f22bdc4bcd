import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePreviewArgs, previewHarnessOptions } from './cli-args';

describe('parsePreviewArgs', () => {
  it('defaults to port 5199, nothing else set', () => {
    expect(parsePreviewArgs([])).toEqual({ port: 5199, watch: false });
  });

  it('reads every flag', () => {
    expect(
      parsePreviewArgs([
        '--port=0',
        '--seed',
        'minimal',
        '--data-dir',
        'd',
        '--login',
        'corro',
        '--cargo-home',
        'c',
        '--watch',
      ]),
    ).toEqual({
      port: 0,
      seed: 'minimal',
      dataDir: 'd',
      login: 'corro',
      cargoHome: resolve('c'),
      watch: true,
    });
  });

  it('starts as on Linux without a keyring with --keychain basic_text', () => {
    expect(parsePreviewArgs(['--keychain', 'basic_text'])).toMatchObject({
      keychain: 'basic_text',
    });
    expect(parsePreviewArgs(['--keychain', 'usable'])).toMatchObject({ keychain: 'usable' });
  });

  it('starts locked with a passphrase vault with --locked-with-passphrase', () => {
    expect(parsePreviewArgs(['--locked-with-passphrase', 'pass phrase'])).toMatchObject({
      lockedWithPassphrase: 'pass phrase',
    });
    expect(
      parsePreviewArgs(['--keychain', 'basic_text', '--locked-with-passphrase', 'pass phrase']),
    ).toMatchObject({ keychain: 'basic_text', lockedWithPassphrase: 'pass phrase' });
  });

  it.each([
    [
      ['--keychain', 'gnome'],
      '--keychain must be usable or basic_text (Linux without a keyring), not "gnome".',
    ],
    [['--locked-with-passphrase', 'short'], '--locked-with-passphrase: Use at least 8 characters.'],
    [
      ['--keychain', 'usable', '--locked-with-passphrase', 'pass phrase'],
      '--locked-with-passphrase starts with a passphrase vault, as where the keychain is basic_text: leave out --keychain usable.',
    ],
    [['--port', 'http'], '--port must be a port number, not "http".'],
    [['--port', '70000'], '--port must be a port number, not "70000".'],
    [
      ['--seed', 'demo', '--simulator-url', 'http://127.0.0.1:1'],
      /^--seed and --simulator-url do not go together/,
    ],
    [['--keychian', 'basic_text'], "Unknown option '--keychian'."],
    [['--keychain'], /^Option '--keychain <value>' argument missing\.?$/],
  ])('refuses %j in one line', (args, message) => {
    let thrown: unknown;
    try {
      parsePreviewArgs(args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const text = (thrown as Error).message;
    expect(text).not.toContain('\n');
    if (typeof message === 'string') expect(text).toBe(message);
    else expect(text).toMatch(message);
  });
});

describe('previewHarnessOptions', () => {
  it('starts the harness as the flags say, sign-ins through the consent page', () => {
    expect(
      previewHarnessOptions(
        parsePreviewArgs(['--keychain', 'basic_text', '--login', 'corro', '--watch']),
      ),
    ).toEqual({
      port: 5199,
      startWatch: true,
      signInPopup: true,
      signInAs: 'corro',
      keychain: 'basic_text',
    });
    expect(
      previewHarnessOptions(parsePreviewArgs(['--locked-with-passphrase', 'pass phrase'])),
    ).toMatchObject({ lockedWithPassphrase: 'pass phrase' });
  });
});
