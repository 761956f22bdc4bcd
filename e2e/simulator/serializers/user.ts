import { githubUrl, type UserRecord } from '../models/user';
import { rfc3339 } from './time';

/** openapi.json `AuthenticatedUser`: what `/me` and sign-in answer. */
export function serializeAuthenticatedUser(user: UserRecord) {
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    email: user.email,
    email_verified: user.emailVerified,
    email_verification_sent: user.emailVerified,
    avatar: user.avatar,
    url: githubUrl(user),
    is_admin: user.isAdmin,
    publish_notifications: user.publishNotifications,
    created_at: rfc3339(user.createdAt),
  };
}

/** openapi.json `Owner` for a user owner. */
export function serializeOwner(user: UserRecord) {
  return {
    id: user.id,
    login: user.login,
    kind: 'user',
    name: user.name,
    avatar: user.avatar,
    url: githubUrl(user),
    github_username_matches: true,
  };
}

/** openapi.json `User`: a publisher or the actor of an audit action. */
export function serializePublicUser(user: UserRecord) {
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    avatar: user.avatar,
    url: githubUrl(user),
    github_username_matches: true,
    created_at: rfc3339(user.createdAt),
  };
}
