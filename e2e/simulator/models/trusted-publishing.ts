/**
 * crates.io's trusted-publishing rows (NOTES.md, "Trusted publishing"): one
 * table per provider, each with its own id sequence, tied to a crate.
 */
export interface GithubConfigRecord {
  readonly id: number;
  readonly crateId: number;
  /** GitHub's spelling of the owner's login, not what the caller typed. */
  readonly repositoryOwner: string;
  readonly repositoryOwnerId: number;
  readonly repositoryName: string;
  readonly workflowFilename: string;
  /** null = any environment. */
  readonly environment: string | null;
  readonly createdAt: Date;
}

export interface GitlabConfigRecord {
  readonly id: number;
  readonly crateId: number;
  readonly namespace: string;
  /** Stays null until a first token exchange saves the JWT's (never, in the simulator). */
  readonly namespaceId: string | null;
  readonly project: string;
  readonly workflowFilepath: string;
  readonly environment: string | null;
  readonly createdAt: Date;
}

/** A GitHub user or organization the simulated `GET api.github.com/users/{name}` knows. */
export interface GithubOwnerRecord {
  readonly login: string;
  readonly id: number;
}

export type TrustedPublishingProvider = 'github' | 'gitlab';
