import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { AuthAttempt } from '../state/request-log';
import type { SimulatorState } from '../state/simulator-state';

/** A route as declared, so the request log can name the endpoint. */
export interface RouteInfo {
  readonly method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** The endpoint needs authentication: every request to it goes into the request log. */
  readonly authenticated?: boolean;
}

/** One simulator endpoint: a small handler per resource and verb. */
export interface Route extends RouteInfo {
  readonly handle: (c: SimContext) => Response | Promise<Response>;
}

export interface SimEnv {
  Bindings: HttpBindings;
  Variables: {
    sim: SimulatorState;
    route: RouteInfo | undefined;
    /** Set as soon as an endpoint starts authenticating the request. */
    auth: AuthAttempt | undefined;
    /** The refusal, for the request log. */
    refusal: { detail: string; cause: string | null } | undefined;
  };
}

export type SimContext = Context<SimEnv>;
