/**
 * crates.io tokens are `cio` + 32 alphanumerics (trusted-publishing ones
 * `cio_tp_...`); session cookies travel as `cargo_session=...`. Anything that
 * looks like either is masked before it reaches a log line.
 */
const TOKEN_PATTERN = /\bcio(?:_tp_)?[A-Za-z0-9]{16,}\b/g;
const COOKIE_PATTERN = /(cargo_session=)[^;\s"']+/gi;

export function redactSecrets(text: string): string {
  return text.replace(TOKEN_PATTERN, 'cio…[redacted]').replace(COOKIE_PATTERN, '$1[redacted]');
}
