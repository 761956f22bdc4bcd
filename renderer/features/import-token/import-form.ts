import { addDays, isValid, parse, startOfDay } from 'date-fns';
import {
  CRATES_IO_REGISTRY_NAME,
  CRATES_IO_TOKEN,
  importTokenInputSchema,
  type ImportTokenInput,
} from '../../../shared/domain/token-import';

/** What the import dialog's fields hold, as typed. */
export interface ImportForm {
  /** crates.io, or another registry named as in cargo's config. */
  readonly registry: 'crates-io' | 'other';
  readonly otherRegistryName: string;
  readonly name: string;
  readonly token: string;
  /** `yyyy-MM-dd` from the date field, or '' for no expiry. */
  readonly expiresOn: string;
}

export const EMPTY_IMPORT_FORM: ImportForm = {
  registry: 'crates-io',
  otherRegistryName: '',
  name: '',
  token: '',
  expiresOn: '',
};

export type ImportField = 'registryName' | 'name' | 'token' | 'expiresOn';
export type ImportErrors = Partial<Record<ImportField, string>>;

export type ImportCheck =
  | { readonly ok: true; readonly input: ImportTokenInput; readonly errors: ImportErrors }
  | { readonly ok: false; readonly errors: ImportErrors };

/** cargo's name for the registry the form points at. */
export function registryNameOf(form: ImportForm): string {
  return form.registry === 'crates-io' ? CRATES_IO_REGISTRY_NAME : form.otherRegistryName.trim();
}

/**
 * Checks the form with the contract's own schema (so the dialog refuses
 * exactly what the core would), with plainer words where the schema is terse,
 * and turns the expiry day into the instant the token counts as expired.
 */
export function checkImportForm(form: ImportForm, now: Date): ImportCheck {
  const errors: ImportErrors = {};
  const expiry = expiryOf(form.expiresOn, now);
  if (!expiry.ok) errors.expiresOn = expiry.message;
  const registryName = registryNameOf(form);
  const parsed = importTokenInputSchema.safeParse({
    registryName,
    name: form.name,
    token: form.token,
    expiresAt: expiry.ok ? expiry.iso : null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'expiresAt' ? 'expiresOn' : issue.path[0];
      if (!isField(field) || errors[field] !== undefined) continue;
      errors[field] = issue.message;
    }
  }
  if (errors.registryName !== undefined && registryName === '') {
    errors.registryName = "Enter the registry's name from cargo's config ([registries.NAME]).";
  }
  if (registryName === CRATES_IO_REGISTRY_NAME && form.token.trim() !== '') {
    const problem = cratesIoTokenProblem(form.token.trim());
    if (problem !== null) errors.token = problem;
  }
  if (parsed.success && Object.keys(errors).length === 0) {
    return { ok: true, input: parsed.data, errors };
  }
  return { ok: false, errors };
}

/**
 * Why a pasted value is not a crates.io token (`cio` + 32 letters and digits,
 * crates-io/NOTES.md), as precisely as can be said, or null when it is one.
 */
export function cratesIoTokenProblem(token: string): string | null {
  if (CRATES_IO_TOKEN.test(token)) return null;
  if (token.startsWith('cio_tp_')) {
    return 'This is a trusted-publishing token: CI mints those for 30 minutes, so there is nothing to keep.';
  }
  if (!token.startsWith('cio')) {
    return 'A crates.io token starts with "cio". Check that you pasted the whole token.';
  }
  const rest = token.slice(3);
  if (/[^A-Za-z0-9]/.test(rest)) {
    return 'After "cio", a crates.io token has only letters and digits.';
  }
  return `A crates.io token has 32 letters and digits after "cio"; this one has ${rest.length}. Check that you pasted all of it.`;
}

type ExpiryCheck =
  | { readonly ok: true; readonly iso: string | null }
  | { readonly ok: false; readonly message: string };

/**
 * The expiry day as an instant: the start of that day in the user's time
 * zone. Registries expire a token at some time during its day, so counting
 * from the start warns early rather than late. Today or earlier is refused:
 * the token would already count as expired.
 */
export function expiryOf(day: string, now: Date): ExpiryCheck {
  if (day === '') return { ok: true, iso: null };
  const date = parse(day, 'yyyy-MM-dd', now);
  if (!isValid(date)) return { ok: false, message: 'Enter a date, or leave it empty.' };
  const start = startOfDay(date);
  if (start < addDays(startOfDay(now), 1)) {
    return {
      ok: false,
      message: 'Choose a day after today: on that day the token counts as expired.',
    };
  }
  return { ok: true, iso: start.toISOString() };
}

function isField(value: unknown): value is ImportField {
  return value === 'registryName' || value === 'name' || value === 'token' || value === 'expiresOn';
}
