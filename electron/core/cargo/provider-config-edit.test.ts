import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import {
  connectProvider,
  disconnectProvider,
  readProviderConfig,
  tomlString,
  UnsafeConfigEditError,
  type ProviderCommand,
} from './provider-config-edit';

/** Connect cargo's edits of config.toml, shape by shape (the corpus test covers round trips). */
const COMMAND: ProviderCommand = {
  executable: '/opt/cratekeeper/provider',
  dataDir: '/home/ann/.config/Cratekeeper',
};

function alias(text: string): unknown {
  const document = parse(text) as { 'credential-alias'?: { cratekeeper?: unknown } };
  return document['credential-alias']?.cratekeeper;
}

describe('connectProvider', () => {
  it('writes the alias in array form and ours after cargo:token, into an empty file', () => {
    expect(connectProvider('', COMMAND)).toBe(
      [
        '# added by Cratekeeper: Disconnect cargo in Cratekeeper removes it',
        '[credential-alias]',
        'cratekeeper = ["/opt/cratekeeper/provider", "--data-dir", "/home/ann/.config/Cratekeeper"]',
        '',
        '# added by Cratekeeper: Disconnect cargo in Cratekeeper removes it',
        '[registry]',
        'global-credential-providers = ["cargo:token", "cratekeeper"]',
        '',
      ].join('\n'),
    );
  });

  it('quotes Windows paths with spaces and backslashes so cargo reads them back exactly', () => {
    const command = {
      executable: 'C:\\Program Files\\Cratekeeper\\resources\\cratekeeper-provider.exe',
      dataDir: 'C:\\Users\\Ann Lee\\AppData\\Roaming\\Cratekeeper',
    };
    const text = connectProvider('', command);
    expect(text).toContain(
      "cratekeeper = ['C:\\Program Files\\Cratekeeper\\resources\\cratekeeper-provider.exe', \"--data-dir\", 'C:\\Users\\Ann Lee\\AppData\\Roaming\\Cratekeeper']",
    );
    expect(alias(text)).toEqual([command.executable, '--data-dir', command.dataDir]);
    expect(readProviderConfig(text, command).connected).toBe(true);
  });

  it('escapes a path that a literal string cannot hold (a quote and a backslash)', () => {
    const command = { executable: "C:\\O'Brien\\provider.exe", dataDir: '/d "x"' };
    const text = connectProvider('', command);
    expect(tomlString(command.executable)).toBe('"C:\\\\O\'Brien\\\\provider.exe"');
    expect(alias(text)).toEqual([command.executable, '--data-dir', command.dataDir]);
  });

  it('keeps a global list and appends ours last (later entries are asked first)', () => {
    const text = '[registry]\nglobal-credential-providers = ["cargo:libsecret"]\n';
    const connected = connectProvider(text, COMMAND);
    expect(connected).toContain('global-credential-providers = ["cargo:libsecret", "cratekeeper"]');
  });

  it('refuses a global list written as one string instead of guessing', () => {
    expect(() =>
      connectProvider('[registry]\nglobal-credential-providers = "cargo:token"\n', COMMAND),
    ).toThrow(UnsafeConfigEditError);
  });

  it("replaces a registry-specific provider with ours, keeping the user's entry above it", () => {
    const text = [
      '[registry]',
      'credential-provider = ["cargo:token"]',
      '',
      '[registries.sim]',
      'index = "sparse+http://127.0.0.1:1/index/"',
      'credential-provider = ["/opt/other provider", "--x"] # mine',
      '',
      '[registries.lab]',
      'index = "sparse+http://127.0.0.1:2/index/"',
      'credential-provider = "cratekeeper"',
      '',
    ].join('\n');
    const connected = connectProvider(text, COMMAND);
    expect(connected).toBe(
      [
        '[registry]',
        '# replaced by Cratekeeper for crates-io (Disconnect cargo restores it): credential-provider = ["cargo:token"]',
        'credential-provider = "cratekeeper"',
        '# added by Cratekeeper: Disconnect cargo in Cratekeeper removes it',
        'global-credential-providers = ["cargo:token", "cratekeeper"]',
        '',
        '[registries.sim]',
        'index = "sparse+http://127.0.0.1:1/index/"',
        '# replaced by Cratekeeper for sim (Disconnect cargo restores it): credential-provider = ["/opt/other provider", "--x"]',
        'credential-provider = "cratekeeper" # mine',
        '',
        '[registries.lab]',
        'index = "sparse+http://127.0.0.1:2/index/"',
        'credential-provider = "cratekeeper"',
        '',
        '# added by Cratekeeper: Disconnect cargo in Cratekeeper removes it',
        '[credential-alias]',
        'cratekeeper = ["/opt/cratekeeper/provider", "--data-dir", "/home/ann/.config/Cratekeeper"]',
        '',
      ].join('\n'),
    );
    // The status names the providers ours replaced (lab's was the user's own "cratekeeper").
    expect(readProviderConfig(connected, COMMAND)).toEqual({
      connected: true,
      shadowedBy: { 'crates-io': 'cargo:token', sim: '/opt/other provider --x' },
    });
    expect(connectProvider(connected, COMMAND)).toBe(connected);
    expect(disconnectProvider(connected)).toBe(text);
  });

  it('keeps an entry written over several lines as one JSON string, and restores it exactly', () => {
    const text =
      '[registries.sim]\r\nindex = "x"\r\ncredential-provider = [\r\n  "/opt/p", # why\r\n]\r\n';
    const connected = connectProvider(text, COMMAND);
    expect(connected).toContain(
      '# replaced by Cratekeeper for sim (Disconnect cargo restores it; its lines as JSON): "credential-provider = [\\r\\n  \\"/opt/p\\", # why\\r\\n]"\r\ncredential-provider = "cratekeeper"\r\n',
    );
    expect(readProviderConfig(connected, COMMAND).shadowedBy).toEqual({ sim: '/opt/p' });
    expect(disconnectProvider(connected)).toBe(text);
  });
});

describe('readProviderConfig', () => {
  it('is connected only when the alias names our command and cargo asks it', () => {
    const aliasOnly =
      '[credential-alias]\ncratekeeper = ["/opt/cratekeeper/provider", "--data-dir", "/home/ann/.config/Cratekeeper"]\n';
    expect(readProviderConfig(aliasOnly, COMMAND).connected).toBe(false);
    const listedOnly = '[registry]\nglobal-credential-providers = ["cargo:token", "cratekeeper"]\n';
    expect(readProviderConfig(listedOnly, COMMAND).connected).toBe(false);
    const perRegistry = `${aliasOnly}[registries.sim]\nindex = "x"\ncredential-provider = "cratekeeper"\n`;
    expect(readProviderConfig(perRegistry, COMMAND).connected).toBe(true);
    expect(readProviderConfig('', COMMAND)).toEqual({ connected: false, shadowedBy: {} });
  });
});

describe('disconnectProvider', () => {
  it('leaves a provider the user changed after Connect, taking out only our comment', () => {
    const text = '[registries.sim]\nindex = "x"\ncredential-provider = "cargo:token"\n';
    const connected = connectProvider(text, COMMAND).replace(
      'credential-provider = "cratekeeper"',
      'credential-provider = "cargo:libsecret"',
    );
    expect(disconnectProvider(connected)).toBe(
      '[registries.sim]\nindex = "x"\ncredential-provider = "cargo:libsecret"\n',
    );
  });

  it('ignores a marker for another registry or one it cannot read', () => {
    const text = [
      '[registries.sim]',
      'index = "x"',
      '# replaced by Cratekeeper for lab (Disconnect cargo restores it): credential-provider = "cargo:token"',
      '# replaced by Cratekeeper for sim (Disconnect cargo restores it): credential-provider = [',
      'credential-provider = "cratekeeper"',
      '',
    ].join('\n');
    expect(disconnectProvider(text)).toBe(text);
    expect(readProviderConfig(text, COMMAND).shadowedBy).toEqual({});
  });

  it('keeps what the user added to a table Connect created, and the table with it', () => {
    const connected = connectProvider('', COMMAND).replace(
      'global-credential-providers',
      'default = "sim"\nglobal-credential-providers',
    );
    const disconnected = disconnectProvider(connected);
    expect(parse(disconnected)).toEqual({ registry: { default: 'sim' } });
    expect(disconnected).toBe('\n[registry]\ndefault = "sim"\n');
  });

  it('keeps a list Connect created that the user added to, without our marker', () => {
    const text = '[registry]\ndefault = "sim"\n';
    const connected = connectProvider(text, COMMAND).replace(
      '["cargo:token", "cratekeeper"]',
      '["cargo:token", "cargo:libsecret", "cratekeeper"]',
    );
    expect(disconnectProvider(connected)).toBe(
      '[registry]\ndefault = "sim"\nglobal-credential-providers = ["cargo:token", "cargo:libsecret"]\n',
    );
  });

  it('keeps a list the user wrote, taking out only our entry', () => {
    const text = '[registry]\nglobal-credential-providers = ["cargo:token"]\n';
    const connected = connectProvider(text, COMMAND);
    expect(disconnectProvider(connected)).toBe(text);
  });

  it('takes out every way cargo would ask our alias once it is gone (a list naming it)', () => {
    const text = '[registry]\nglobal-credential-providers = ["cargo:token", "cratekeeper"]\n';
    expect(disconnectProvider(text)).toBe(
      '[registry]\nglobal-credential-providers = ["cargo:token"]\n',
    );
  });
});
