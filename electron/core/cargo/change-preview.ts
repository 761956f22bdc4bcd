import type { CargoWritePlan } from '../../../shared/domain/cargo-use';
import type { TomlSplice } from './credentials-edit';

type ChangeLine = CargoWritePlan['change'][number];

const CONTEXT_LINES = 2;

/** A secret as the dialog shows it: a few leading characters, the rest dots. */
export function maskSecret(secret: string): string {
  const shown = secret.length > 12 ? secret.slice(0, 3) : '';
  return `${shown}${'•'.repeat(8)}`;
}

function masked(line: string, secrets: readonly string[]): string {
  let text = line.replace(/\r$/, '').replace(/^\uFEFF/, '');
  for (const secret of secrets) {
    if (secret.length > 0) text = text.split(secret).join(maskSecret(secret));
  }
  return text;
}

/**
 * The lines around one splice as a small diff (removed lines of the old text,
 * added lines of the new), a few lines of context either side, with every
 * secret in `secrets` masked (the new one, the old one, and any other
 * registry's token shown as context).
 */
export function changeLines(
  before: string,
  after: string,
  splice: TomlSplice,
  secrets: readonly string[],
): ChangeLine[] {
  // Widen the splice to whole lines of the old text; the new text's block is the same span shifted.
  const blockStart = before.lastIndexOf('\n', splice.start - 1) + 1;
  const nextBreak = before.indexOf('\n', splice.end);
  const blockEnd = nextBreak === -1 ? before.length : nextBreak;
  const delta = splice.inserted.length - (splice.end - splice.start);
  const oldBlock = before.slice(blockStart, blockEnd).split('\n');
  const newBlock = after.slice(blockStart, blockEnd + delta).split('\n');
  // After a final newline there is no line: the split's empty last piece is not one.
  if (blockEnd === before.length && before.endsWith('\n')) oldBlock.pop();
  if (blockEnd + delta === after.length && after.endsWith('\n')) newBlock.pop();
  // Lines equal at both ends of the blocks are context, not change.
  let head = 0;
  while (head < oldBlock.length && head < newBlock.length && oldBlock[head] === newBlock[head])
    head += 1;
  let tail = 0;
  while (
    tail < oldBlock.length - head &&
    tail < newBlock.length - head &&
    oldBlock[oldBlock.length - 1 - tail] === newBlock[newBlock.length - 1 - tail]
  ) {
    tail += 1;
  }
  const linesBefore = before.slice(0, blockStart).split('\n').slice(0, -1);
  const linesAfter = before.slice(blockEnd + 1).split('\n');
  if (before.endsWith('\n')) linesAfter.pop();
  const contextBefore = [...linesBefore, ...oldBlock.slice(0, head)].slice(-CONTEXT_LINES);
  const contextAfter = [
    ...oldBlock.slice(oldBlock.length - tail),
    ...(nextBreak === -1 ? [] : linesAfter),
  ].slice(0, CONTEXT_LINES);
  const show = (kind: ChangeLine['kind']) => (line: string) => ({
    kind,
    text: masked(line, secrets),
  });
  const removed = before.length === 0 ? [] : oldBlock.slice(head, oldBlock.length - tail);
  return [
    ...contextBefore.map(show('context')),
    ...removed.map(show('removed')),
    ...newBlock.slice(head, newBlock.length - tail).map(show('added')),
    ...contextAfter.map(show('context')),
  ];
}
