import { randomBytes } from 'node:crypto';

/** Random base64 text of about `length` characters, so every write in a kill test is large. */
export function randomPayload(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4))
    .toString('base64')
    .slice(0, length);
}
