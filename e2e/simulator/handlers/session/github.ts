/** The simulated GitHub lives on the simulator itself, under this path. */
export const GITHUB_AUTHORIZE_PATH = '/github/login/oauth/authorize';
/** Where GitHub sends the browser back: the website's SPA route. */
export const GITHUB_CALLBACK_PATH = '/github-login';
export const GITHUB_CLIENT_ID = 'cratekeeper-simulator';
/** crates.io asks GitHub for this scope to see team memberships. */
export const GITHUB_SCOPE = 'read:org';
