/** Sites whose links the app may hand to the user's browser. */
const EXTERNAL_HOSTS = ['crates.io', 'github.com'] as const;

/**
 * Whether a link the page tried to open may go to the system browser: only
 * https, and only crates.io, GitHub and their subdomains. Anything else is
 * dropped, so a compromised page cannot launch arbitrary URLs or protocol
 * handlers through `shell.openExternal` (Electron security checklist,
 * "Do not use shell.openExternal with untrusted content").
 */
export function mayOpenExternally(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return EXTERNAL_HOSTS.some(
    (host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`),
  );
}
