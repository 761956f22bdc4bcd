import { describe, expect, it } from 'vitest';
import { crateFixture, trustedCrateFixture } from '../../../shared/test-support/crate-fixture';
import { tokenFixture } from '../../../shared/test-support/domain-fixtures';
import { retireButtonName, retireNoticeText } from './retire-text';

const QUILL = trustedCrateFixture('quill');
const DERIVE = trustedCrateFixture('quill_derive');
const OTHERS_CRATE = crateFixture('quill_other', { ownerAccountIds: ['b'] });

describe('retireNoticeText', () => {
  it('says how many tokens only published the crate', () => {
    const ci = tokenFixture('CI: quill', { cratePatterns: ['quill'] });
    expect(retireNoticeText(QUILL, [QUILL, DERIVE], [ci])).toBe(
      '1 token only published quill; trusted publishing does that job now, so it can be revoked.',
    );
  });

  it('mentions the other crates a token covered, all on trusted publishing too', () => {
    const family = tokenFixture('family', { cratePatterns: ['quill*'] });
    const ci = tokenFixture('CI: quill', { cratePatterns: ['quill'] });
    expect(retireNoticeText(QUILL, [QUILL, DERIVE, OTHERS_CRATE], [family, ci])).toBe(
      '2 tokens only published quill and other crates now on trusted publishing; trusted publishing does that job now, so they can be revoked.',
    );
  });

  it('names the button as the acceptance checks do', () => {
    expect(retireButtonName('quill')).toBe(
      'Retire tokens replaced by trusted publishing for quill',
    );
  });
});
