import type { MiddlewareHandler } from 'hono';
import type { SimEnv } from '../../http/env';
import { errorEnvelope } from '../../http/errors';

export const CONTROL_PREFIX = '/__control';

/** True for 127.0.0.0/8 and ::1, also when written as IPv4-mapped IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** The control endpoint answers loopback clients only, whatever interface it listens on. */
export const loopbackOnly: MiddlewareHandler<SimEnv> = async (c, next) => {
  if (!isLoopbackAddress(c.env.incoming.socket.remoteAddress)) {
    return c.json(errorEnvelope('the control endpoint answers loopback clients only'), 403);
  }
  await next();
};
