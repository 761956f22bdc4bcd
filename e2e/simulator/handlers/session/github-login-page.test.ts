import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestSim } from '../../test-support/test-sim';

describe('GET /github-login', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await TestSim.start();
  });
  afterEach(() => sim.close());

  it('serves the page that completes the sign-in like the website does', async () => {
    const result = await sim.call('GET', '/github-login?code=c&state=s');
    expect(result.status).toBe(200);
    expect(result.headers.get('Content-Type')).toContain('text/html');
    expect(result.text).toContain('/api/private/session/authorize');
  });
});
