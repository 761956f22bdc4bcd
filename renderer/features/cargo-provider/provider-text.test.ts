import { describe, expect, it } from 'vitest';
import type { ApprovalRequest } from '../../../shared/domain/cargo-provider';
import { approvalTitleOf, crateTextOf, OUTCOME_TEXT, secondsLeft } from './provider-text';

const REQUEST: ApprovalRequest = {
  id: 'r1',
  registryName: 'crates-io',
  operation: 'publish',
  crate: 'quill',
  version: '1.2.0',
  tokenName: 'release quill',
  deadline: '2026-01-01T10:01:00Z',
};

describe('approvalTitleOf', () => {
  it('names the operation, crate, version and registry', () => {
    expect(approvalTitleOf(REQUEST)).toBe('cargo wants to publish quill 1.2.0 to crates-io');
    expect(approvalTitleOf({ ...REQUEST, operation: 'yank' })).toBe(
      'cargo wants to yank quill 1.2.0 on crates-io',
    );
    expect(approvalTitleOf({ ...REQUEST, operation: 'owners', version: null })).toBe(
      'cargo wants to change the owners of quill on crates-io',
    );
  });
});

describe('crateTextOf', () => {
  it('joins crate and version, and says nothing for a read', () => {
    expect(crateTextOf('quill', '1.2.0')).toBe('quill@1.2.0');
    expect(crateTextOf('quill', null)).toBe('quill');
    expect(crateTextOf(null, null)).toBeNull();
  });
});

describe('secondsLeft', () => {
  it('rounds up, stops at zero and treats a garbled deadline as passed', () => {
    const deadline = Date.parse(REQUEST.deadline);
    expect(secondsLeft(REQUEST.deadline, deadline - 59_500)).toBe(60);
    expect(secondsLeft(REQUEST.deadline, deadline + 1_000)).toBe(0);
    expect(secondsLeft('soon', deadline)).toBe(0);
  });
});

describe('OUTCOME_TEXT', () => {
  it('says every outcome in words', () => {
    expect(Object.values(OUTCOME_TEXT).map((outcome) => outcome.label)).toEqual([
      'allowed',
      'refused',
      'fell through',
      'denied',
      'timed out',
      'not supported',
    ]);
  });
});
