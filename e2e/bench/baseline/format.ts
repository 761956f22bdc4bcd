/**
 * Dates as the token list shows them ("3 Jul 2025", "3 Jul 2025, 16:05",
 * "in 3 days", "2 days ago"), written by hand for the baseline page: no
 * date library, formatted texts remembered per input as the app does.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number) => String(value).padStart(2, '0');

function memo(compute: (key: string) => string): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let text = cache.get(key);
    if (text === undefined) {
      if (cache.size >= 20_000) cache.clear();
      text = compute(key);
      cache.set(key, text);
    }
    return text;
  };
}

export const formatDate = memo((iso) => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getDate()} ${MONTHS[date.getMonth()] ?? ''} ${date.getFullYear()}`;
});

export const formatDateTime = memo((iso) => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(iso)}, ${two(date.getHours())}:${two(date.getMinutes())}`;
});

const UNITS: readonly (readonly [string, number])[] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** One unit, rounded, no "about": "in 3 days", "5 minutes ago". */
function distance(seconds: number): string {
  const size = Math.abs(seconds);
  for (const [unit, unitSeconds] of UNITS) {
    if (size >= unitSeconds || unit === 'second') {
      const count = Math.round(size / unitSeconds);
      const phrase = `${count} ${unit}${count === 1 ? '' : 's'}`;
      return seconds >= 0 ? `in ${phrase}` : `${phrase} ago`;
    }
  }
  return '';
}

let relativeNow = Number.NaN;
const relativeTexts = new Map<string, string>();

export function formatRelative(iso: string, now: number): string {
  if (now !== relativeNow) {
    relativeNow = now;
    relativeTexts.clear();
  }
  let text = relativeTexts.get(iso);
  if (text === undefined) {
    const time = Date.parse(iso);
    text = Number.isNaN(time) ? iso : distance((time - now) / 1000);
    relativeTexts.set(iso, text);
  }
  return text;
}

/** A past moment: "just now" under a minute, else like formatRelative. */
export function formatAge(iso: string, now: number): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return now - time < 60_000 ? 'just now' : formatRelative(iso, now);
}
