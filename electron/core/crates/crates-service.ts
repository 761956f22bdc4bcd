import type { CratesOverview } from '../../../shared/domain/crates';
import {
  githubConfigProblem,
  gitlabConfigProblem,
  type GithubConfig,
  type GithubConfigFields,
  type GitlabConfig,
  type GitlabConfigFields,
  type TrustedPublishingProvider,
} from '../../../shared/domain/trusted-publishing';
import { isValidCratePattern } from '../../../shared/domain/crate-pattern';
import type { AccountBook } from '../account-book';
import { accountLabel, withSignedInAccount } from '../account-session';
import { ActionError } from '../action-error';
import { RegistryUnavailableError } from '../registry-errors';
import { changeFailure, isSessionRefusal } from './change-refusal';
import { cratesOverview } from './crates-overview';
import { TrustedPublishingClient } from './trusted-publishing-client';

/** A crate name crates.io could have: a pattern without `*` is exactly that. */
function assertCrateName(crate: string): void {
  if (!crate.includes('*') && isValidCratePattern(crate)) return;
  throw new ActionError('invalid-input', `“${crate}” is not a crate name.`);
}

/** The guard crates.io itself does not have (NOTES.md: a crate can be locked with no config). */
function noConfigurationText(crate: string): string {
  return `${crate} has no trusted publishing configuration: with “Trusted publishing only” on, nothing could publish it. Add a configuration first.`;
}

/**
 * The Crates page's registry side (issue 12): the overview across accounts,
 * and trusted publishing changed with one account's session. Field rules are
 * checked here with crates.io's own texts, so a form's refusal never costs a
 * request; the registry's refusals come back in its words.
 */
export class CratesService {
  constructor(private readonly book: AccountBook) {}

  overview(): Promise<CratesOverview> {
    return cratesOverview(this.book);
  }

  async addGithubConfig(
    accountId: string,
    crate: string,
    fields: GithubConfigFields,
  ): Promise<GithubConfig> {
    assertCrateName(crate);
    const problem = githubConfigProblem(fields);
    if (problem !== null) throw new ActionError('invalid-input', problem);
    return this.asAccount(accountId, (tp) => tp.addGithubConfig(crate, fields));
  }

  async addGitlabConfig(
    accountId: string,
    crate: string,
    fields: GitlabConfigFields,
  ): Promise<GitlabConfig> {
    assertCrateName(crate);
    const problem = gitlabConfigProblem(fields);
    if (problem !== null) throw new ActionError('invalid-input', problem);
    return this.asAccount(accountId, (tp) => tp.addGitlabConfig(crate, fields));
  }

  deleteConfig(accountId: string, provider: TrustedPublishingProvider, id: number): Promise<void> {
    return this.asAccount(accountId, (tp) => tp.deleteConfig(provider, id));
  }

  /**
   * Switching on is refused while the crate has no configuration of either
   * provider, read from the registry just before: with none, nothing could
   * publish the crate any more. Switching off needs no check.
   */
  async setTrustpubOnly(accountId: string, crate: string, trustpubOnly: boolean): Promise<boolean> {
    assertCrateName(crate);
    return this.asAccount(accountId, async (tp) => {
      if (trustpubOnly && !(await this.hasConfiguration(tp, crate))) {
        throw new ActionError('invalid-input', noConfigurationText(crate));
      }
      return tp.setTrustpubOnly(crate, trustpubOnly);
    });
  }

  private async hasConfiguration(tp: TrustedPublishingClient, crate: string): Promise<boolean> {
    try {
      const [github, gitlab] = await Promise.all([
        tp.githubConfigs({ crate }),
        tp.gitlabConfigs({ crate }),
      ]);
      return github.length + gitlab.length > 0;
    } catch (error) {
      if (error instanceof RegistryUnavailableError) {
        // Nothing was sent to change yet: say so rather than "may not have reached".
        throw new ActionError(
          'network',
          `${error.message} “Trusted publishing only” was not switched on: its configurations could not be checked.`,
        );
      }
      throw error;
    }
  }

  /**
   * Runs `action` as the account. A refused session signs it out (as every
   * call does); any other refusal becomes the user's words (change-refusal.ts)
   * without touching the session.
   */
  private asAccount<T>(
    accountId: string,
    action: (tp: TrustedPublishingClient) => Promise<T>,
  ): Promise<T> {
    return withSignedInAccount(this.book, accountId, async ({ account, client }) => {
      const host = new URL(account.registry.baseUrl).host;
      try {
        return await action(new TrustedPublishingClient(client, host));
      } catch (error) {
        if (isSessionRefusal(error)) {
          await this.book.markSignedOut(accountId);
          throw new ActionError(
            'signed-out',
            `${accountLabel(account)} is signed out: sign in again.`,
          );
        }
        throw changeFailure(error, host);
      }
    });
  }
}
