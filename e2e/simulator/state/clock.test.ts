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
