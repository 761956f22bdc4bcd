import { Hono } from 'hono';
import { CONTROL_PREFIX, loopbackOnly } from './handlers/control/guard';
import { presentedCredential } from './http/credentials';
import type { Route, SimEnv } from './http/env';
import { ApiError, errorEnvelope } from './http/errors';
import { faultMiddleware } from './http/fault-middleware';
import { latencyMiddleware } from './http/latency-middleware';
import { requestLogMiddleware } from './http/request-log-middleware';
import { API_ROUTES, CONTROL_ROUTES } from './routes';
import type { SimulatorState } from './state/simulator-state';

export interface AppOptions {
  readonly control: boolean;
}

function mount(app: Hono<SimEnv>, route: Route): void {
  app.on(route.method, route.path, (c) => {
    c.set('route', { method: route.method, path: route.path });
    if (route.authenticated === true) {
      // Logged even when refused before authentication starts (e.g. a malformed body).
      c.set('auth', { credential: presentedCredential(c), tokenId: null, userId: null });
    }
    return route.handle(c);
  });
}

/** Latency and faults hit the registry's routes, never the control endpoint. */
function onlyOutsideControl(middleware: typeof latencyMiddleware): typeof latencyMiddleware {
  return async (c, next) => {
    if (c.req.path === CONTROL_PREFIX || c.req.path.startsWith(`${CONTROL_PREFIX}/`)) {
      await next();
      return;
    }
    return middleware(c, next);
  };
}

/** The simulator's HTTP app over one state. */
export function createApp(sim: SimulatorState, options: AppOptions): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.use('*', async (c, next) => {
    c.set('sim', sim);
    await next();
  });
  if (options.control) {
    app.use(CONTROL_PREFIX, loopbackOnly);
    app.use(`${CONTROL_PREFIX}/*`, loopbackOnly);
    CONTROL_ROUTES.forEach((route) => {
      mount(app, route);
    });
  }
  app.use('*', onlyOutsideControl(latencyMiddleware));
  app.use('*', onlyOutsideControl(faultMiddleware));
  app.use('*', requestLogMiddleware);
  API_ROUTES.forEach((route) => {
    mount(app, route);
  });
  app.notFound((c) => c.json(errorEnvelope('Not Found'), 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      c.set('refusal', { detail: error.detail, cause: error.logCause });
      return c.json(errorEnvelope(error.detail), error.status, error.headers);
    }
    console.error('crates.io simulator: unexpected error', error);
    c.set('refusal', { detail: 'Internal Server Error', cause: String(error) });
    return c.json(errorEnvelope('Internal Server Error'), 500);
  });
  return app;
}
