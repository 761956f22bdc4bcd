import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { checkForm, formOf, patchOf } from './settings-form';

const defaults = formOf(DEFAULT_SETTINGS);

describe('checkForm', () => {
  it('gives back the stored settings for an untouched form', () => {
    expect(checkForm(defaults)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('sorts warning days largest first and reads an empty cargo folder as detected', () => {
    const checked = checkForm({ ...defaults, warningDays: ['2', '30'], cargoHome: '  ' });
    expect(checked).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, warningDays: [30, 2], cargoHome: null },
    });
  });

  it('says the range on a field out of it or not a number', () => {
    const checked = checkForm({
      ...defaults,
      refreshIntervalHours: '49',
      clipboardClearSeconds: 'soon',
      vaultIdleLockMinutes: '',
      warningDays: ['0', '7'],
    });
    expect(checked).toEqual({
      ok: false,
      errors: {
        refreshIntervalHours: 'Enter a whole number from 1 to 48.',
        clipboardClearSeconds: 'Enter a whole number from 5 to 600.',
        vaultIdleLockMinutes: 'Enter a whole number from 1 to 1440.',
        'warningDays.0': 'Enter a whole number from 1 to 365.',
      },
    });
  });

  it('refuses a warning day given twice, and an empty or too long list', () => {
    expect(checkForm({ ...defaults, warningDays: ['7', '7'] })).toEqual({
      ok: false,
      errors: { warningDays: 'Each warning day may appear once.' },
    });
    expect(checkForm({ ...defaults, warningDays: [] })).toEqual({
      ok: false,
      errors: { warningDays: 'Keep at least one warning.' },
    });
    expect(checkForm({ ...defaults, warningDays: ['1', '2', '3', '4', '5', '6', '7'] })).toEqual({
      ok: false,
      errors: { warningDays: 'Keep at most 6 warnings.' },
    });
  });
});

describe('patchOf', () => {
  it('holds only the changed settings', () => {
    expect(
      patchOf(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, warningDays: [10], keepInTray: false }),
    ).toEqual({ warningDays: [10], keepInTray: false });
  });
});
