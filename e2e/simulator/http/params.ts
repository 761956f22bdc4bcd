import type { SimContext } from './env';
import { badRequest } from './errors';

const INT32_MAX = 2_147_483_647;

function parseInt32(value: string): number | null {
  if (!/^[+-]?\d+$/.test(value)) return null;
  const number = Number(value);
  return Math.abs(number) > INT32_MAX ? null : number;
}

/** An optional i32 query parameter; a bad one is refused like axum's `Query`. */
export function queryInt(c: SimContext, name: string): number | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  const number = parseInt32(value);
  if (number === null) {
    throw badRequest(`Failed to deserialize query string: ${name}: invalid digit found in string`);
  }
  return number;
}

/** An i32 path parameter; a bad one is refused like axum's `Path`. */
export function pathInt(c: SimContext, name: string): number {
  const value = c.req.param(name) ?? '';
  const number = parseInt32(value);
  if (number === null) throw badRequest(`Invalid URL: Cannot parse \`${value}\` to a \`i32\``);
  return number;
}
