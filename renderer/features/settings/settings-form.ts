import type { z } from 'zod';
import { settingsSchema, type Settings } from '../../../shared/domain/settings';

/**
 * The Settings page's form: numbers are kept as typed (text), so a half-typed
 * or wrong value stays on screen with its message instead of being lost.
 */
export interface SettingsForm {
  readonly warningDays: readonly string[];
  readonly notificationsEnabled: boolean;
  readonly refreshIntervalHours: string;
  readonly keepInTray: boolean | null;
  readonly startAtLogin: boolean;
  readonly clipboardClearSeconds: string;
  readonly vaultIdleLockMinutes: string;
  /** Empty: the detected folder. */
  readonly cargoHome: string;
}

/** A field's message, keyed `warningDays` (the list), `warningDays.N` or the setting's name. */
export type FormErrors = Readonly<Record<string, string>>;

export type Checked =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly errors: FormErrors };

const { shape } = settingsSchema;

/** The range a number field takes, read from the schema so the two never differ. */
function rangeOf(path: readonly PropertyKey[]): { min: number; max: number } | null {
  const [field] = path;
  const number =
    field === 'warningDays'
      ? shape.warningDays.element
      : field === 'refreshIntervalHours' ||
          field === 'clipboardClearSeconds' ||
          field === 'vaultIdleLockMinutes'
        ? shape[field]
        : null;
  if (number === null || number.minValue === null || number.maxValue === null) return null;
  return { min: number.minValue, max: number.maxValue };
}

/** Plain words for the schema's findings; the schema's own messages (duplicates) win. */
function messageOf(issue: z.core.$ZodRawIssue): string | undefined {
  const range = rangeOf(issue.path ?? []);
  const wholeNumber = range
    ? `Enter a whole number from ${String(range.min)} to ${String(range.max)}.`
    : undefined;
  if (issue.path?.length === 1 && issue.path[0] === 'warningDays') {
    if (issue.code === 'too_small') return 'Keep at least one warning.';
    if (issue.code === 'too_big') return `Keep at most ${String(issue.maximum)} warnings.`;
  }
  if (issue.code === 'invalid_type' || issue.code === 'too_small' || issue.code === 'too_big') {
    return wholeNumber;
  }
  return undefined;
}

/** The form's values for stored settings. */
export function formOf(settings: Settings): SettingsForm {
  return {
    warningDays: settings.warningDays.map(String),
    notificationsEnabled: settings.notificationsEnabled,
    refreshIntervalHours: String(settings.refreshIntervalHours),
    keepInTray: settings.keepInTray,
    startAtLogin: settings.startAtLogin,
    clipboardClearSeconds: String(settings.clipboardClearSeconds),
    vaultIdleLockMinutes: String(settings.vaultIdleLockMinutes),
    cargoHome: settings.cargoHome ?? '',
  };
}

/** Digits only; anything else is NaN, which the schema refuses as "not a number". */
function numberOf(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * Checks the form with the contract's own schema. Warning days are saved
 * largest first, as the tray and notifications count them down.
 */
export function checkForm(form: SettingsForm): Checked {
  const cargoHome = form.cargoHome.trim();
  const candidate = {
    warningDays: form.warningDays.map(numberOf),
    notificationsEnabled: form.notificationsEnabled,
    refreshIntervalHours: numberOf(form.refreshIntervalHours),
    keepInTray: form.keepInTray,
    startAtLogin: form.startAtLogin,
    clipboardClearSeconds: numberOf(form.clipboardClearSeconds),
    vaultIdleLockMinutes: numberOf(form.vaultIdleLockMinutes),
    cargoHome: cargoHome === '' ? null : cargoHome,
  };
  const result = settingsSchema.safeParse(candidate, { error: messageOf });
  if (result.success) {
    const warningDays = [...result.data.warningDays].sort((a, b) => b - a);
    return { ok: true, settings: { ...result.data, warningDays } };
  }
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Only what changed, for `settings:update`. */
export function patchOf(saved: Settings, next: Settings): Partial<Settings> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof Settings)[]) {
    if (JSON.stringify(saved[key]) !== JSON.stringify(next[key])) patch[key] = next[key];
  }
  return patch;
}
