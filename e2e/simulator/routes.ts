import { createApiToken } from './handlers/api-tokens/create';
import { getApiToken } from './handlers/api-tokens/get';
import { listApiTokens } from './handlers/api-tokens/list';
import { revokeApiToken } from './handlers/api-tokens/revoke';
import { revokeCurrentApiToken } from './handlers/api-tokens/revoke-current';
import { clearFaults, addFault, listFaults, removeFault } from './handlers/control/faults';
import { getClock, resetClock, setClock } from './handlers/control/clock';
import { clearRequests, listCreateTokenBodies, listRequests } from './handlers/control/logs';
import { controlOverview } from './handlers/control/overview';
import { resetSimulator } from './handlers/control/reset';
import { setGithubApi, setLatency, setTokenCreation } from './handlers/control/settings';
import { downloadVersion } from './handlers/crates/download';
import { getCrate } from './handlers/crates/get';
import { listCrates } from './handlers/crates/list';
import { publishCrate } from './handlers/crates/publish';
import { staticCrateFile } from './handlers/crates/static-file';
import { unyankVersion } from './handlers/crates/unyank';
import { updateCrate } from './handlers/crates/update';
import { yankVersion } from './handlers/crates/yank';
import { indexConfig } from './handlers/index/config';
import { indexFile } from './handlers/index/file';
import { getMe } from './handlers/me/get';
import { addOwners } from './handlers/owners/add';
import { listOwners } from './handlers/owners/list';
import { removeOwners } from './handlers/owners/remove';
import { authorizeSession } from './handlers/session/authorize';
import { beginSession } from './handlers/session/begin';
import { endSessionRoute } from './handlers/session/end';
import { githubConsent } from './handlers/session/github-consent';
import { githubLoginPage } from './handlers/session/github-login-page';
import { createGithubConfig } from './handlers/trustpub/create-github';
import { createGitlabConfig } from './handlers/trustpub/create-gitlab';
import { deleteGithubConfig } from './handlers/trustpub/delete-github';
import { deleteGitlabConfig } from './handlers/trustpub/delete-gitlab';
import { listGithubConfigs } from './handlers/trustpub/list-github';
import { listGitlabConfigs } from './handlers/trustpub/list-gitlab';
import type { Route } from './http/env';

/** Everything crates.io (and its GitHub sign-in) answers that the app and cargo use. */
export const API_ROUTES: readonly Route[] = [
  beginSession,
  authorizeSession,
  endSessionRoute,
  githubConsent,
  githubLoginPage,
  getMe,
  listApiTokens,
  createApiToken,
  getApiToken,
  revokeApiToken,
  revokeCurrentApiToken,
  listCrates,
  publishCrate,
  getCrate,
  updateCrate,
  yankVersion,
  unyankVersion,
  downloadVersion,
  staticCrateFile,
  listOwners,
  addOwners,
  removeOwners,
  listGithubConfigs,
  createGithubConfig,
  deleteGithubConfig,
  listGitlabConfigs,
  createGitlabConfig,
  deleteGitlabConfig,
  indexConfig,
  indexFile,
];

/** The test-only control endpoint (README.md, "Control endpoint"). */
export const CONTROL_ROUTES: readonly Route[] = [
  controlOverview,
  getClock,
  setClock,
  resetClock,
  listFaults,
  addFault,
  clearFaults,
  removeFault,
  setLatency,
  setTokenCreation,
  setGithubApi,
  listRequests,
  clearRequests,
  listCreateTokenBodies,
  resetSimulator,
];
