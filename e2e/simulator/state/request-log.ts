/** How a request tried to authenticate. */
export type CredentialKind = 'cookie' | 'token' | 'none';

/** One request to an endpoint that needs authentication, allowed or refused. */
export interface RequestLogEntry {
  readonly seq: number;
  /** Simulator clock, RFC 3339. */
  readonly at: string;
  readonly method: string;
  /** The route as declared, e.g. `/api/v1/me/tokens/:id`. */
  readonly endpoint: string;
  readonly path: string;
  readonly credential: CredentialKind;
  /** The token's id once it was found; null for cookies and unknown tokens. */
  readonly tokenId: number | null;
  readonly userId: number | null;
  readonly outcome: 'allowed' | 'refused';
  readonly status: number;
  /** The error detail sent to the client when refused. */
  readonly reason: string | null;
  /** crates.io's internal cause when it logs one (e.g. `Crate scope mismatch`). */
  readonly cause: string | null;
}

/** What a request carried; filled in while authentication proceeds. */
export interface AuthAttempt {
  credential: CredentialKind;
  tokenId: number | null;
  userId: number | null;
}

/** The log of authenticated requests, oldest first. */
export class RequestLog {
  private items: RequestLogEntry[] = [];
  private seq = 0;

  get entries(): readonly RequestLogEntry[] {
    return this.items;
  }

  record(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.seq += 1;
    this.items.push({ ...entry, seq: this.seq });
  }

  /** Entries after sequence number `seq` (for polling clients). */
  since(seq: number): readonly RequestLogEntry[] {
    return this.items.filter((entry) => entry.seq > seq);
  }

  clear(): void {
    this.items = [];
  }
}
