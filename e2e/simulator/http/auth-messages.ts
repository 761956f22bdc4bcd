/** crates.io's own texts for authentication failures (NOTES.md and its source). */
export const AUTH_MESSAGES = {
  invalidOrigin: 'invalid origin header',
  required: 'this action requires authentication',
  websiteOnly: 'this action can only be performed on the crates.io website',
  tokenNotProvided: 'token not provided',
  failed: 'authentication failed',
  missingPermissions: 'this token does not have the required permissions to perform this action',
  legacyRefused:
    'This endpoint cannot be used with legacy API tokens. Use a scoped API token instead.',
  invalidScheme: 'Authentication failed: Unexpected `Authorization` header scheme',
  tokenFormat:
    'The given API token does not match the format used by crates.io. Tokens generated before 2020-07-14 were generated with an insecure random number generator, and have been revoked. You can generate a new token at https://crates.io/me. For more information please see https://blog.rust-lang.org/2020/07/14/crates-io-security-advisory.html. We apologize for any inconvenience.',
} as const;
