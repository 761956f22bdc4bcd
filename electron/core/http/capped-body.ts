import type { Deadline } from './deadline';

/** The length a response declares, or null when it declares none (or nonsense). */
function declaredLength(headers: Headers): number | null {
  const header = headers.get('content-length')?.trim();
  return header !== undefined && /^[0-9]+$/.test(header) ? Number(header) : null;
}

/** Drops a body unread; cancelling also hangs up, so a server cannot keep sending. */
export function discardBody(response: Response): void {
  void response.body?.cancel().catch(() => undefined);
}

/**
 * Reads a whole body as UTF-8 text, keeping at most `maxBytes` of it in
 * memory. A declared length over the cap is refused before a byte is read;
 * without one (or if it lies) the bytes are counted as they arrive. Over the
 * cap, or when `deadline` passes, or when the stream breaks, the stream is
 * cancelled and the error thrown; the caller decides what it means.
 */
export async function readCappedText(
  response: Response,
  maxBytes: number,
  tooLarge: () => Error,
  deadline: Deadline,
): Promise<string> {
  const declared = declaredLength(response.headers);
  if (declared !== null && declared > maxBytes) {
    discardBody(response);
    throw tooLarge();
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await deadline.race(reader.read());
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge();
      parts.push(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    // Not awaited: a stalled stream may never confirm the cancellation.
    reader.cancel().catch(() => undefined);
    throw error;
  }
  parts.push(decoder.decode());
  return parts.join('');
}
