/**
 * How long the app waits for a registry and how much of an answer it reads.
 * Without limits a registry (hostile, broken, or a proxy in between) could
 * leave a call pending forever or make the app buffer an answer until it runs
 * out of memory: a 200 MB list once cost 850 MB.
 */
export interface RegistryHttpLimits {
  /** From sending the request to the answer's headers: connecting, TLS and the server's work. */
  readonly headersTimeoutMs: number;
  /**
   * From the headers to the body's last byte, in total rather than between
   * bytes, so a body trickling in a byte at a time cannot hold a call open.
   */
  readonly bodyTimeoutMs: number;
  /** Answers that list things: the token list, and `/me` with the user's crates. */
  readonly maxListBytes: number;
  /** Every other answer: one token, a created token, an error, a revocation. */
  readonly maxAnswerBytes: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * - 15 s for the headers: crates.io answers in well under a second; a
 *   registry that says nothing for 15 s is not coming back soon, and the list
 *   falls back to the last known one meanwhile.
 * - 30 s for the body: enough for the largest list allowed below over a slow
 *   link (1.1 MB for 5,000 tokens needs under 40 KB/s).
 * - 16 MiB for lists: crates.io allows 500 tokens per user (about 110 KB);
 *   the 5,000-token lists of other registries and the simulator come to about
 *   1.1 MB; 16 MiB leaves a margin of 14 times that (about 70,000 tokens, or
 *   fewer with long crate-scope lists) while bounding what one call can take.
 *   `/me` lists the user's crates (about 60 bytes each) and shares the cap.
 * - 1 MiB for other answers: a token or an error envelope is well under 1 KB;
 *   a proxy's HTML error page fits too.
 */
export const DEFAULT_HTTP_LIMITS: RegistryHttpLimits = {
  headersTimeoutMs: 15_000,
  bodyTimeoutMs: 30_000,
  maxListBytes: 16 * MiB,
  maxAnswerBytes: 1 * MiB,
};

/** "15 s", "250 ms": how messages name a time limit. */
export function describeDuration(ms: number): string {
  return ms < 1000 ? `${String(ms)} ms` : `${String(Math.round(ms / 100) / 10)} s`;
}

/** "16 MiB", "64 KiB", "1000 bytes": how messages name a size limit. */
export function describeSize(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${String(bytes / MiB)} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${String(bytes / KiB)} KiB`;
  return `${String(bytes)} bytes`;
}
