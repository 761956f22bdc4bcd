import type { z } from 'zod';
import type { SimContext } from './env';
import { ApiError, badRequest } from './errors';

function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const mime = (value.split(';')[0] ?? '').trim().toLowerCase();
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/**
 * The body as sent and as parsed, the way crates.io's axum `Json` extractor
 * starts: 415 without a JSON content type, 400 for a syntax error.
 */
export async function readJsonValue(
  c: SimContext,
  onRaw?: (raw: string) => void,
): Promise<{ readonly raw: string; readonly json: unknown }> {
  const raw = await c.req.text();
  onRaw?.(raw);
  if (!isJsonContentType(c.req.header('Content-Type'))) {
    throw new ApiError(415, 'Expected request with `Content-Type: application/json`');
  }
  try {
    return { raw, json: JSON.parse(raw) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw badRequest(`Failed to parse the request body as JSON: ${reason}`);
  }
}

/**
 * Reads a JSON body the way crates.io's axum `Json` extractor does: 415
 * without a JSON content type, 400 for a syntax error, 422 when the shape is
 * wrong. `raw` is the body exactly as sent.
 */
export async function readJsonBody<T>(
  c: SimContext,
  schema: z.ZodType<T>,
  onRaw?: (raw: string) => void,
): Promise<T> {
  const { json } = await readJsonValue(c, onRaw);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const reason = issue ? describeIssue(issue) : 'invalid body';
    throw new ApiError(422, `Failed to deserialize the JSON body into the target type: ${reason}`);
  }
  return parsed.data;
}
