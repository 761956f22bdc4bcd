import { createInterface } from 'node:readline';

/**
 * For kill-test children: waits for the one line the parent sends when it
 * wants this (already started) child to begin, and returns its words.
 */
export async function waitForStart(): Promise<string[]> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line.split(' ');
  }
  throw new Error('the parent closed stdin without a start line');
}
