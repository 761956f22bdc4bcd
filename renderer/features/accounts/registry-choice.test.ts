import { describe, expect, it } from 'vitest';
import { CRATES_IO, STAGING_CRATES_IO } from '../../../shared/domain/account';
import {
  checkBaseUrl,
  knownRegistryName,
  registryNameFromUrl,
  registryNameProblem,
  registryOptions,
} from './registry-choice';
import { accountFixture } from '../../../shared/test-support/domain-fixtures';

const account = accountFixture;

const sim = { name: 'sim', baseUrl: 'http://127.0.0.1:8888' };

describe('registryOptions', () => {
  it('offers crates.io and staging.crates.io first', () => {
    expect(registryOptions([]).map((option) => option.registry)).toEqual([
      CRATES_IO,
      STAGING_CRATES_IO,
    ]);
  });

  it('adds each other registry the user has an account on, once', () => {
    const options = registryOptions([
      account({}),
      account({ id: 'a', registry: sim }),
      account({ id: 'b', registry: sim, userId: 2 }),
    ]);
    expect(options.map((option) => option.label)).toEqual([
      'crates.io',
      'staging.crates.io',
      '127.0.0.1:8888',
    ]);
    expect(options[2]?.registry).toEqual(sim);
  });
});

describe('checkBaseUrl', () => {
  it('accepts an https or http origin and drops a trailing slash', () => {
    expect(checkBaseUrl(' https://registry.example.com/ ')).toEqual({
      ok: true,
      baseUrl: 'https://registry.example.com',
    });
    expect(checkBaseUrl('http://127.0.0.1:8888')).toEqual({
      ok: true,
      baseUrl: 'http://127.0.0.1:8888',
    });
  });

  it('keeps a path for a registry that lives below one', () => {
    expect(checkBaseUrl('https://example.com/registry/')).toEqual({
      ok: true,
      baseUrl: 'https://example.com/registry',
    });
  });

  it('says what to fix', () => {
    const message = (text: string) => {
      const result = checkBaseUrl(text);
      return result.ok ? null : result.message;
    };
    expect(message('')).toMatch(/Enter the registry's address/);
    expect(message('crates.io')).toMatch(/Start the address with https:\/\//);
    expect(message('ftp://example.com')).toMatch(/https:\/\/ or http:\/\//);
    expect(message('https://me:secret@example.com')).toMatch(/user name and password/);
    expect(message('https://example.com/?x=1')).toMatch(/without \? or #/);
    expect(message('https://exa mple.com')).toMatch(/not a web address/);
  });
});

describe('plain http', () => {
  it('is refused for another machine, as the core refuses it, and allowed on this one', () => {
    expect(checkBaseUrl('http://registry.example.com')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/unencrypted/) as unknown,
    });
    expect(checkBaseUrl('http://127.0.0.1:8888')).toMatchObject({ ok: true });
    expect(checkBaseUrl('http://localhost:3000')).toMatchObject({ ok: true });
    expect(checkBaseUrl('http://[::1]:3000')).toMatchObject({ ok: true });
    expect(checkBaseUrl('https://registry.example.com')).toMatchObject({ ok: true });
  });
});

describe('registryNameFromUrl', () => {
  it("uses the presets' names for crates.io and staging", () => {
    expect(registryNameFromUrl('https://crates.io')).toBe('crates-io');
    expect(registryNameFromUrl('https://staging.crates.io')).toBe('staging-crates-io');
  });

  it('derives a cargo-valid name from the host and port', () => {
    expect(registryNameFromUrl('https://www.registry.example.com')).toBe('registry-example-com');
    // cargo refuses names that start with a digit ("1-3000" and "127-0-0-1-8888" were offered before).
    expect(registryNameFromUrl('http://127.0.0.1:8888')).toBe('localhost-8888');
    expect(registryNameFromUrl('http://[::1]:3000')).toBe('localhost-3000');
    expect(registryNameFromUrl('https://10.1.2.3')).toBe('ip-10-1-2-3');
    expect(registryNameFromUrl('not a url')).toBe('');
  });
});

describe('registryNameProblem', () => {
  it('accepts a fresh valid name', () => {
    expect(registryNameProblem('my-corp', 'https://corp.example', [])).toBeNull();
  });

  it('refuses names cargo would not accept', () => {
    expect(registryNameProblem('', 'https://corp.example', [])).toMatch(/Enter the name/);
    expect(registryNameProblem('my corp', 'https://corp.example', [])).toMatch(/letters, digits/);
    expect(registryNameProblem('2fast', 'https://corp.example', [])).toMatch(
      /cannot start with a digit/,
    );
    expect(registryNameProblem('x'.repeat(65), 'https://corp.example', [])).toMatch(
      /longer than 64/,
    );
  });

  it('keeps crates-io for crates.io', () => {
    expect(registryNameProblem('crates-io', 'https://corp.example', [])).toMatch(/crates\.io/);
    expect(registryNameProblem('crates-io', CRATES_IO.baseUrl, [])).toBeNull();
  });

  it('refuses a name that already stands for another registry', () => {
    const accounts = [account({ registry: sim })];
    expect(registryNameProblem('sim', 'https://corp.example', accounts)).toMatch(
      /already names 127\.0\.0\.1:8888/,
    );
    expect(registryNameProblem('sim', sim.baseUrl, accounts)).toBeNull();
  });

  it('keeps the name a known registry already has', () => {
    const accounts = [account({ registry: sim })];
    expect(registryNameProblem('other-name', sim.baseUrl, accounts)).toMatch(
      /call it "sim": use the same name/,
    );
    expect(knownRegistryName(sim.baseUrl, accounts)).toBe('sim');
    expect(knownRegistryName('https://corp.example', accounts)).toBeNull();
  });
});
