/** Where a crate's `repository` URL points, when it is a GitHub or GitLab project. */
export interface HostedRepository {
  readonly host: 'github' | 'gitlab';
  /** GitHub's owner, or GitLab's namespace (groups and subgroups, `a/b`). */
  readonly owner: string;
  /** The repository (GitHub) or project (GitLab) name. */
  readonly name: string;
}

/**
 * Reads `https://github.com/ferris/quill` (also with `.git`, a trailing
 * slash or a deeper path such as `/tree/main`) and GitLab's
 * `https://gitlab.com/group/sub/project`; anything else is null. Used only to
 * prefill a form the user checks, so a guess that is a little off is harmless.
 */
export function hostedRepositoryOf(url: string | null): HostedRepository | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const parts = parsed.pathname.split('/').filter((part) => part !== '');
  if (host === 'github.com') {
    const [owner, name] = parts;
    if (owner === undefined || name === undefined) return null;
    return { host: 'github', owner, name: withoutGitSuffix(name) };
  }
  if (host === 'gitlab.com') {
    // GitLab puts its own pages after `/-/` (e.g. `/-/tree/main`).
    const end = parts.indexOf('-');
    const path = end === -1 ? parts : parts.slice(0, end);
    const name = path.at(-1);
    if (path.length < 2 || name === undefined) return null;
    return { host: 'gitlab', owner: path.slice(0, -1).join('/'), name: withoutGitSuffix(name) };
  }
  return null;
}

function withoutGitSuffix(name: string): string {
  return name.endsWith('.git') ? name.slice(0, -'.git'.length) : name;
}
