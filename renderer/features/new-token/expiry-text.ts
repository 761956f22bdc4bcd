import { format } from 'date-fns';

/**
 * The exact moment a new token stops working, in the user's zone with the
 * zone's name, so "90 days" is never guessed at: "Expires Tue 9 Jun 2026 at
 * 14:05 (GMT+2)".
 */
export function exactExpiryText(expiresAt: Date | null): string {
  if (expiresAt === null) return 'Never expires: it works until you revoke it.';
  const zone =
    new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
      .formatToParts(expiresAt)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  const when = format(expiresAt, "EEE d MMM yyyy 'at' HH:mm");
  return zone === '' ? `Expires ${when}` : `Expires ${when} (${zone})`;
}
