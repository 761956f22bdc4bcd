import type {
  ApprovalRequest,
  CargoOperation,
  ProviderAuditEntry,
} from '../../../shared/domain/cargo-provider';
import type { Tone } from '../../components/tone';

type Outcome = ProviderAuditEntry['outcome'];

/** An audit outcome in words and colour: the words always say it, the colour only helps. */
export const OUTCOME_TEXT: Readonly<
  Record<Outcome, { readonly label: string; readonly tone: Tone }>
> = {
  allowed: { label: 'allowed', tone: 'success' },
  refused: { label: 'refused', tone: 'danger' },
  'fell-through': { label: 'fell through', tone: 'neutral' },
  denied: { label: 'denied', tone: 'warning' },
  'timed-out': { label: 'timed out', tone: 'caution' },
  'not-supported': { label: 'not supported', tone: 'neutral' },
};

/** What cargo asked to do, as a verb a sentence can use ("publish", "change the owners of"). */
const OPERATION_VERB: Readonly<Record<CargoOperation, string>> = {
  read: 'read from',
  publish: 'publish',
  yank: 'yank',
  unyank: 'unyank',
  owners: 'change the owners of',
};

/** The operation as the audit lists it. */
export const OPERATION_LABEL: Readonly<Record<CargoOperation, string>> = {
  read: 'read',
  publish: 'publish',
  yank: 'yank',
  unyank: 'unyank',
  owners: 'owners',
};

/** "quill@1.2.0", "quill", or null when cargo named no crate (read). */
export function crateTextOf(crate: string | null, version: string | null): string | null {
  if (crate === null) return null;
  return version === null ? crate : `${crate}@${version}`;
}

/**
 * The approval dialog's title: "cargo wants to publish quill 1.2.0 to
 * crates-io", "cargo wants to yank quill 1.2.0 on crates-io".
 */
export function approvalTitleOf(request: ApprovalRequest): string {
  const { operation, crate, version, registryName } = request;
  const what = [crate, version].filter((part) => part !== null).join(' ');
  const verb = OPERATION_VERB[operation];
  const object = what === '' ? 'a crate' : what;
  const where = operation === 'publish' ? `to ${registryName}` : `on ${registryName}`;
  return operation === 'read'
    ? `cargo wants to read from ${registryName}`
    : `cargo wants to ${verb} ${object} ${where}`;
}

/** Whole seconds left until `deadline` (never below 0); 0 for a deadline that is not a date. */
export function secondsLeft(deadline: string, nowMs: number): number {
  const at = Date.parse(deadline);
  if (!Number.isFinite(at)) return 0;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}
