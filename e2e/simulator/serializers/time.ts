/** RFC 3339 in UTC, as crates.io writes its timestamps. */
export function rfc3339(date: Date): string {
  return date.toISOString();
}

export function rfc3339OrNull(date: Date | null): string | null {
  return date === null ? null : rfc3339(date);
}
