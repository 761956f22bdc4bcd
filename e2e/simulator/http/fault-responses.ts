import { setTimeout as sleep } from 'node:timers/promises';

const SLOW_BODY_CHUNKS = 10;

function copyHeaders(response: Response): Headers {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return headers;
}

/** The same answer with only the first half of its body: JSON that does not parse. */
export async function truncateBody(response: Response): Promise<Response> {
  const text = await response.text();
  return new Response(text.slice(0, Math.ceil(text.length / 2)), {
    status: response.status,
    headers: copyHeaders(response),
  });
}

/** The same answer, its headers at once but its body trickling in over `totalMs`. */
export async function slowBody(response: Response, totalMs: number): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const size = Math.max(1, Math.ceil(bytes.length / SLOW_BODY_CHUNKS));
  const pause = totalMs / SLOW_BODY_CHUNKS;
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await sleep(pause);
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
  return new Response(body, { status: response.status, headers: copyHeaders(response) });
}
