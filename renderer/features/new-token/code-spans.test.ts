import { describe, expect, it } from 'vitest';
import { checkCratePattern } from '../../../shared/domain/crate-pattern';
import { codeSpansOf } from './code-spans';

function shownText(message: string): string {
  return codeSpansOf(message)
    .map((part) => part.text)
    .join('');
}

describe('messages show code spans, not raw backticks (issue 13)', () => {
  it('turns `x` into a code part', () => {
    expect(codeSpansOf('Only one `*`, at the end.')).toEqual([
      { text: 'Only one ', code: false },
      { text: '*', code: true },
      { text: ', at the end.', code: false },
    ]);
  });
  it('leaves no backtick in a pattern problem', () => {
    const check = checkCratePattern('qu!ll');
    expect(check.valid).toBe(false);
    if (!check.valid) expect(shownText(check.reason)).not.toContain('`');
  });
  it('keeps plain text as it is', () => {
    expect(codeSpansOf('Give the token a name.')).toEqual([
      { text: 'Give the token a name.', code: false },
    ]);
  });
});
