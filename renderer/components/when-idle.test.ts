import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALLS_IN_FLIGHT } from '../api/calls-in-flight';
import { whenIdle } from './when-idle';

/**
 * The browser's queues, run by hand: idle callbacks, animation frames, and
 * the messages posted from a frame (which Chromium runs after the paint).
 */
const idleCallbacks = new Map<number, () => void>();
const frames = new Map<number, () => void>();
let nextHandle = 1;

function queue(into: Map<number, () => void>, callback: () => void): number {
  nextHandle += 1;
  into.set(nextHandle, callback);
  return nextHandle;
}

function takeAll(from: Map<number, () => void>): (() => void)[] {
  const callbacks = [...from.values()];
  from.clear();
  return callbacks;
}
const events: string[] = [];

function runIdle(): void {
  events.push('idle');
  for (const callback of takeAll(idleCallbacks)) callback();
}

async function paintFrame(): Promise<void> {
  for (const callback of takeAll(frames)) callback();
  events.push('painted');
  // MessageChannel's message arrives as a task of its own.
  await new Promise((resolve) => setTimeout(resolve, 10));
}

beforeEach(() => {
  idleCallbacks.clear();
  frames.clear();
  events.length = 0;
  vi.stubGlobal('document', { readyState: 'complete' });
  vi.stubGlobal('window', {
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
    clearTimeout: (handle: ReturnType<typeof setTimeout>) => {
      clearTimeout(handle);
    },
  });
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => queue(idleCallbacks, callback));
  vi.stubGlobal('cancelIdleCallback', (handle: number) => idleCallbacks.delete(handle));
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => queue(frames, callback));
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => frames.delete(handle));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('whenIdle', () => {
  it('waits for the call in flight, then for its answer to be painted, then for idle', async () => {
    const task = vi.fn(() => events.push('task'));
    let answer = (): void => undefined;
    void CALLS_IN_FLIGHT.track(
      new Promise<void>((resolve) => {
        answer = resolve;
      }),
    );
    whenIdle(task);
    runIdle();
    expect(task).not.toHaveBeenCalled();

    answer();
    await Promise.resolve();
    await Promise.resolve();
    // The answer's rows are drawn in the next frame: idle time before it is not the page's.
    runIdle();
    expect(task).not.toHaveBeenCalled();

    await paintFrame();
    runIdle();
    expect(events).toEqual(['idle', 'idle', 'painted', 'idle', 'task']);
  });

  it('never runs once cancelled, at any step', async () => {
    const task = vi.fn();
    whenIdle(task)();
    runIdle();
    const cancelAfterIdle = whenIdle(task);
    runIdle();
    cancelAfterIdle();
    await paintFrame();
    runIdle();
    const cancelAfterPaint = whenIdle(task);
    runIdle();
    await paintFrame();
    cancelAfterPaint();
    await paintFrame();
    runIdle();
    expect(task).not.toHaveBeenCalled();
  });

  it('with a deadline, runs at the next idle moment once it passes, calls in flight or not', async () => {
    const task = vi.fn(() => events.push('task'));
    // A call that does not answer in time: without the deadline the task would wait for it.
    let answer = (): void => undefined;
    void CALLS_IN_FLIGHT.track(
      new Promise<void>((resolve) => {
        answer = resolve;
      }),
    );
    whenIdle(task, { maxWaitMs: 20 });
    runIdle();
    expect(task).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 40));
    runIdle();
    expect(task).toHaveBeenCalledOnce();
    // Runs once: the call settling later does not run it again.
    answer();
    await paintFrame();
    runIdle();
    expect(task).toHaveBeenCalledOnce();
  });
});
