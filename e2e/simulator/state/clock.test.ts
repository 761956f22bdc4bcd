import { describe, expect, it } from 'vitest';
import { SimClock } from './clock';

describe('SimClock', () => {
  let real = 1_000_000;
  const clock = () => new SimClock(() => real);

  it('follows real time with an offset', () => {
    const sim = clock();
    sim.set(new Date(5_000_000));
    real += 10;
    expect(sim.now().getTime()).toBe(5_000_010);
    sim.advance(90);
    expect(sim.now().getTime()).toBe(5_000_100);
  });

  it('can be frozen and unfrozen without jumping', () => {
    const sim = clock();
    sim.freeze();
    const frozen = sim.now().getTime();
    real += 500;
    expect(sim.now().getTime()).toBe(frozen);
    sim.advance(1);
    expect(sim.now().getTime()).toBe(frozen + 1);
    sim.unfreeze();
    real += 5;
    expect(sim.now().getTime()).toBe(frozen + 6);
    sim.reset();
    expect(sim.now().getTime()).toBe(real);
  });
});

describe('SimClock under load', () => {
  // Real time moves on between any two readings, as on a busy machine.
  const ticking = () => {
    let real = 1_000_000;
    return () => (real += 1);
  };

  it('sets, advances and freezes in one step, landing exactly where asked', () => {
    const sim = new SimClock(ticking());
    sim.apply({ now: new Date(5_000_000), advanceMs: 2_000, frozen: true });
    expect(sim.now().getTime()).toBe(5_002_000);
    expect(sim.describe()).toMatchObject({ now: new Date(5_002_000).toISOString(), frozen: true });
  });

  it('unfreezes where it stood', () => {
    const sim = new SimClock(ticking());
    sim.apply({ now: new Date(5_000_000), frozen: true });
    sim.apply({ advanceMs: 10, frozen: false });
    const described = sim.describe();
    // One reading of real time per call: `now` and the offset agree.
    expect(Date.parse(described.now) - described.offset_ms).toBeGreaterThan(1_000_000);
    expect(sim.now().getTime()).toBeGreaterThanOrEqual(5_000_010);
  });
});
