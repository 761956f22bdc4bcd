import { z } from 'zod';
import { isLoopbackHostname } from '../../shared/domain/account';

/**
 * What the vault keeps for a session: the cookie together with the origin
 * (scheme, host, port) that issued it. The vault seals each record bound to
 * its id, so the origin cannot be edited, unlike the account's base URL in
 * the metadata file, which has no integrity protection. The cookie goes only
 * to the origin sealed with it.
 */
export interface SessionRecord {
  readonly origin: string;
  readonly cookie: string;
}

/** The session as found in the vault, with the origins it may be sent to. */
export interface OpenedSession {
  readonly cookie: string;
  readonly boundTo: readonly string[];
}

const sessionRecordSchema = z.object({ origin: z.string().min(1), cookie: z.string().min(1) });

/** The origin a registry's session belongs to: `https://crates.io`, `http://127.0.0.1:8888`. */
export function registryOrigin(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

/** The vault plaintext of a session record. */
export function sessionRecordText(record: SessionRecord): string {
  return JSON.stringify({ origin: record.origin, cookie: record.cookie });
}

/**
 * Reads a session record. Records written before origins were sealed hold
 * the bare cookie; they count as bound to `https://<host>` of the account
 * id, or also `http://<host>` when that host is this machine (the only place
 * plain http is allowed). A bare cookie cannot be mistaken for a record: a
 * cookie value never contains the `"` that JSON strings need (RFC 6265).
 */
export function openSessionRecord(plaintext: string, accountHost: string): OpenedSession {
  let json: unknown = null;
  try {
    json = JSON.parse(plaintext);
  } catch {
    // A bare cookie from before: handled below.
  }
  const sealed = sessionRecordSchema.safeParse(json);
  if (sealed.success) return { cookie: sealed.data.cookie, boundTo: [sealed.data.origin] };
  const { hostname } = new URL(`https://${accountHost}`);
  return {
    cookie: plaintext,
    boundTo: [
      registryOrigin(`https://${accountHost}`),
      ...(isLoopbackHostname(hostname) ? [registryOrigin(`http://${accountHost}`)] : []),
    ],
  };
}
