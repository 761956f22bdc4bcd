import { describe, expect, it } from 'vitest';
import { EMPTY_IMPORT_FORM, checkImportForm, cratesIoTokenProblem, expiryOf } from './import-form';

const now = new Date(2025, 6, 3, 16, 5);
const GOOD = `cio${'a1B2'.repeat(8)}`;

describe('cratesIoTokenProblem', () => {
  it('accepts cio followed by 32 letters and digits', () => {
    expect(cratesIoTokenProblem(GOOD)).toBeNull();
  });

  it('says precisely what is wrong', () => {
    expect(cratesIoTokenProblem('abc')).toMatch(/starts with "cio"/);
    expect(cratesIoTokenProblem(`cio${'a'.repeat(31)}`)).toMatch(/this one has 31/);
    expect(cratesIoTokenProblem(`cio${'a'.repeat(31)}-`)).toMatch(/only letters and digits/);
    expect(cratesIoTokenProblem('cio_tp_abc')).toMatch(/trusted-publishing/);
  });
});

describe('expiryOf', () => {
  it('reads an empty field as never expiring', () => {
    expect(expiryOf('', now)).toEqual({ ok: true, iso: null });
  });

  it('counts from the start of the chosen day, in local time', () => {
    expect(expiryOf('2025-08-01', now)).toEqual({
      ok: true,
      iso: new Date(2025, 7, 1).toISOString(),
    });
  });

  it('refuses today and earlier days', () => {
    expect(expiryOf('2025-07-03', now).ok).toBe(false);
    expect(expiryOf('2025-07-04', now).ok).toBe(true);
    expect(expiryOf('2024-01-01', now).ok).toBe(false);
  });

  it('refuses what is not a date', () => {
    expect(expiryOf('soon', now)).toEqual({
      ok: false,
      message: 'Enter a date, or leave it empty.',
    });
  });
});

describe('checkImportForm', () => {
  it('builds the contract input for a crates.io token', () => {
    const check = checkImportForm(
      { ...EMPTY_IMPORT_FORM, name: ' Laptop ', token: ` ${GOOD}\n`, expiresOn: '2025-08-01' },
      now,
    );
    expect(check).toEqual({
      ok: true,
      errors: {},
      input: {
        registryName: 'crates-io',
        name: 'Laptop',
        token: GOOD,
        expiresAt: new Date(2025, 7, 1).toISOString(),
      },
    });
  });

  it('accepts any printable token for another registry', () => {
    const check = checkImportForm(
      {
        ...EMPTY_IMPORT_FORM,
        registry: 'other',
        otherRegistryName: 'my-corp',
        name: 'CI',
        token: 'Bearer abc.def',
      },
      now,
    );
    expect(check.ok).toBe(true);
  });

  it('names every problem by field', () => {
    const check = checkImportForm(
      { ...EMPTY_IMPORT_FORM, registry: 'other', token: 'tab\u0001', expiresOn: '2020-01-01' },
      now,
    );
    expect(check.ok).toBe(false);
    expect(check.errors).toEqual({
      registryName: "Enter the registry's name from cargo's config ([registries.NAME]).",
      name: 'Give the token a name.',
      token: 'A cargo token is printable ASCII only.',
      expiresOn: 'Choose a day after today: on that day the token counts as expired.',
    });
  });

  it('uses the plainer crates.io wording for a malformed crates.io token', () => {
    const check = checkImportForm({ ...EMPTY_IMPORT_FORM, name: 'x', token: 'cio123' }, now);
    expect(check.errors.token).toMatch(/this one has 3/);
  });

  it('asks for a token when there is none', () => {
    expect(checkImportForm({ ...EMPTY_IMPORT_FORM, name: 'x' }, now).errors.token).toBe(
      'Paste the token.',
    );
  });

  it('refuses registry names cargo would not accept', () => {
    const check = checkImportForm(
      {
        ...EMPTY_IMPORT_FORM,
        registry: 'other',
        otherRegistryName: 'my corp',
        name: 'x',
        token: 'y',
      },
      now,
    );
    expect(check.errors.registryName).toMatch(/letters, digits/);
  });
});
