import type { Route } from '../../http/env';

// The website's SPA route does this in Ember; a few lines of plain JS suffice here.
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Signing in… · crates.io simulator</title></head>
<body>
<main><h1>Signing in to the crates.io simulator…</h1><p id="status" role="status">Please wait.</p></main>
<script>
const params = new URLSearchParams(location.search);
const status = document.getElementById('status');
fetch('/api/private/session/authorize', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ code: params.get('code') ?? '', state: params.get('state') ?? '' }),
})
  .then(async (response) => {
    const body = await response.json();
    if (!response.ok) throw new Error(body.errors?.[0]?.detail ?? response.statusText);
    status.textContent = body.status === 'signed_in'
      ? 'Signed in as ' + body.user.login + '. You can close this window.'
      : 'This GitHub account has no crates.io account yet.';
  })
  .catch((error) => { status.textContent = 'Sign-in failed: ' + error.message; });
</script>
</body>
</html>
`;

/**
 * `GET /github-login`: where GitHub sends the browser back. Like the website,
 * the page completes the sign-in itself; the app's sign-in window then sees
 * the `cargo_session` cookie.
 */
export const githubLoginPage: Route = {
  method: 'GET',
  path: '/github-login',
  handle: (c) => c.html(PAGE),
};
