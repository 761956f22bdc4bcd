import type { UserRecord } from '../../models/user';

/** The radio group's field: the login that approves (the same query parameter automated sign-ins send). */
export const CONSENT_LOGIN_FIELD = 'login';

/** Escapes text for HTML element content and double-quoted attributes (seed files may hold anything). */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** What the page needs from the request: the OAuth parameters it hands back on approval. */
export interface ConsentRequest {
  readonly clientId: string;
  readonly state: string | undefined;
  readonly scope: string | undefined;
}

function hidden(name: string, value: string | undefined): string {
  return value === undefined
    ? ''
    : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
}

function userChoice(user: UserRecord, index: number): string {
  const id = `user-${index}`;
  const name = user.name === null ? '' : ` <span class="name">(${escapeHtml(user.name)})</span>`;
  return (
    `<li><input type="radio" id="${id}" name="${CONSENT_LOGIN_FIELD}" value="${escapeHtml(user.login)}"` +
    `${index === 0 ? ' checked' : ''}>` +
    ` <label for="${id}">${escapeHtml(user.login)}${name}</label></li>`
  );
}

/**
 * The simulated GitHub's consent page: which of the seed's users approves,
 * the first preselected. The form has no action, so it submits (GET) to the
 * URL it was served from, wherever that is: the simulator itself in the
 * app's sign-in window, or the browser harness's sign-in pop-up, which
 * forwards it. The chosen login arrives as `login`, and the consent route
 * then approves at once, as it always did for automated sign-ins.
 */
export function consentPage(users: readonly UserRecord[], request: ConsentRequest): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Authorize ${escapeHtml(request.clientId)} · GitHub (simulated)</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 2rem 1rem; color: #1f2328; background: #f6f8fa; }
  main { max-width: 28rem; margin: 0 auto; padding: 1.5rem; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; }
  h1 { font-size: 1.25rem; margin-top: 0; }
  fieldset { border: 0; padding: 0; margin: 1rem 0; }
  legend { font-weight: 600; margin-bottom: 0.5rem; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { padding: 0.25rem 0; }
  .name { color: #59636e; }
  button { font: inherit; padding: 0.4rem 1rem; color: #fff; background: #1f883d; border: 1px solid #1a7f37; border-radius: 6px; cursor: pointer; }
  button:focus-visible, input:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) {
    body { color: #e6edf3; background: #0d1117; }
    main { background: #161b22; border-color: #30363d; }
    .name { color: #9198a1; }
  }
</style>
</head>
<body>
<main>
<h1>Authorize ${escapeHtml(request.clientId)}</h1>
<p>This is the crates.io simulator's stand-in for GitHub: no password is asked. Choose the GitHub user who signs in.</p>
<form method="get">
${hidden('client_id', request.clientId)}${hidden('state', request.state)}${hidden('scope', request.scope)}
<fieldset>
<legend>Sign in as</legend>
<ul>
${users.map(userChoice).join('\n')}
</ul>
</fieldset>
<button type="submit">Authorize</button>
</form>
</main>
</body>
</html>
`;
}
