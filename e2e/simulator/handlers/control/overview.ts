import type { Route } from '../../http/env';
import { CONTROL_PREFIX } from './guard';

const OPERATIONS = [
  'GET    /__control                      this overview',
  'GET    /__control/clock                the simulator clock',
  'PUT    /__control/clock                {now?, advance_ms?, advance_days?, frozen?}',
  'DELETE /__control/clock                back to real time',
  'GET    /__control/faults               faults in force',
  'POST   /__control/faults               {kind, route?, method?, rate?, times?, retry_after_seconds?, delay_ms?, message?}',
  'DELETE /__control/faults[/{id}]        remove all faults, or one',
  'PUT    /__control/latency              {ms}',
  'PUT    /__control/token-creation       {enabled, message?}',
  'PUT    /__control/github               {failure: token-expired|forbidden|down|null}',
  'GET    /__control/requests?since=SEQ   authenticated-request log',
  'DELETE /__control/requests             empty the log',
  'GET    /__control/token-create-bodies  PUT /api/v1/me/tokens bodies, verbatim',
  'POST   /__control/reset                {seed?}: fresh seed data, settings back to start',
];

/** `GET /__control`: what can be controlled, and the current settings. */
export const controlOverview: Route = {
  method: 'GET',
  path: CONTROL_PREFIX,
  handle: (c) => {
    const sim = c.var.sim;
    return c.json({
      operations: OPERATIONS,
      clock: sim.clock.describe(),
      latency_ms: sim.latencyMs,
      token_creation: sim.tokenCreation,
      github_api_failure: sim.githubApiFailure,
      faults: sim.faults.list(),
      users: sim.users.map((user) => ({ id: user.id, login: user.login })),
    });
  },
};
