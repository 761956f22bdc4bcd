import type { PowerMonitor } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../test-support/fake-electron';
import { ElectronPowerEvents } from './power-events';

function setUp() {
  const { powerMonitor } = createFakeElectron();
  const events = new ElectronPowerEvents(powerMonitor as unknown as PowerMonitor);
  return { powerMonitor, events };
}

describe('ElectronPowerEvents', () => {
  it('calls the listener on resume and on unlock-screen', () => {
    const { powerMonitor, events } = setUp();
    const listener = vi.fn();
    events.onWake(listener);
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('ignores going to sleep and locking', () => {
    const { powerMonitor, events } = setUp();
    const listener = vi.fn();
    events.onWake(listener);
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops calling once unsubscribed, and leaves nothing behind', () => {
    const { powerMonitor, events } = setUp();
    const listener = vi.fn();
    const other = vi.fn();
    const stop = events.onWake(listener);
    events.onWake(other);
    stop();
    powerMonitor.emit('resume');
    expect(listener).not.toHaveBeenCalled();
    expect(other).toHaveBeenCalledOnce();
    expect(powerMonitor.listenerCount('resume')).toBe(1);
    expect(powerMonitor.listenerCount('unlock-screen')).toBe(1);
  });
});
