/** crates.io's texts for trusted-publishing refusals (NOTES.md, "Trusted publishing"). */
export const TRUSTPUB_MESSAGES = {
  neitherQuery: 'Must specify either `crate` or `user_id` query parameter',
  bothQueries: 'Cannot specify both `crate` and `user_id` query parameters',
  notOwner: 'You are not an owner of this crate',
  otherUser: 'this action requires authentication as the specified user',
  unverifiedEmail: 'You must verify your email address to create a Trusted Publishing config',
  githubNotLinked: 'Must have a linked GitHub account to create a Trusted Publishing config',
  unknownGithubOwner: 'Unknown GitHub user or organization',
  githubTokenExpired:
    'It looks like your GitHub session has expired or the token was revoked. Please try logging out and logging back in to re-authenticate.',
  githubForbidden:
    "It looks like you don't have permission to query a necessary property from GitHub to complete this request. You may need to re-authenticate on crates.io to grant permission to read GitHub org memberships.",
  tooMany: (provider: string, max: number) =>
    `This crate already has the maximum number of ${provider} Trusted Publishing configurations (${max})`,
} as const;
