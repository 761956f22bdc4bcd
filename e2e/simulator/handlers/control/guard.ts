import type { MiddlewareHandler } from 'hono';
import { isLoopbackHostname } from '../../../../shared/domain/account';
import type { SimEnv } from '../../http/env';
import { errorEnvelope } from '../../http/errors';

export const CONTROL_PREFIX = '/__control';

/** True for 127.0.0.0/8 and ::1, also when written as IPv4-mapped IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * True when `host` (a Host header) names this machine by address or
 * `localhost` and the port the request came in on. A page whose own name was
 * rebound to 127.0.0.1 (DNS rebinding) sends that name, and is refused.
 */
export function isOwnLoopbackHost(
  host: string | undefined,
  localPort: number | undefined,
): boolean {
  if (host === undefined || localPort === undefined) return false;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  // The app's own definition of a loopback name, so both agree on what is "this machine".
  return url.host === host && isLoopbackHostname(url.hostname) && url.port === String(localPort);
}

/**
 * The control endpoint answers loopback clients only, whatever interface it
 * listens on, and only requests addressed to this machine by address.
 */
export const loopbackOnly: MiddlewareHandler<SimEnv> = async (c, next) => {
  const socket = c.env.incoming.socket;
  if (!isLoopbackAddress(socket.remoteAddress)) {
    return c.json(errorEnvelope('the control endpoint answers loopback clients only'), 403);
  }
  if (!isOwnLoopbackHost(c.req.header('host'), socket.localPort)) {
    return c.json(
      errorEnvelope('the control endpoint answers requests addressed to this machine only'),
      403,
    );
  }
  await next();
};
