/** A message split into plain text and `code` parts, so backticks never reach the screen. */
export interface MessagePart {
  readonly text: string;
  readonly code: boolean;
}

/**
 * Splits a message written with Markdown-style code spans ("Only one `*`")
 * into parts; an unmatched backtick stays as text.
 */
export function codeSpansOf(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of message.matchAll(pattern)) {
    const at = match.index;
    if (at > last) parts.push({ text: message.slice(last, at), code: false });
    parts.push({ text: match[1] ?? '', code: true });
    last = at + match[0].length;
  }
  if (last < message.length) parts.push({ text: message.slice(last), code: false });
  return parts;
}
