import type { EventSink } from '../../electron/core/ports';

export interface RecordedEvent {
  readonly name: string;
  readonly payload: unknown;
  readonly at: number;
}

/**
 * The harness's EventSink: fans core events out to every connected page and
 * keeps a record that tests can read (the stand-in for webContents.send).
 */
export class EventHub implements EventSink {
  readonly recorded: RecordedEvent[] = [];
  private readonly subscribers = new Set<(name: string, payload: unknown) => void>();

  emit(name: string, payload: unknown): void {
    this.recorded.push({ name, payload, at: Date.now() });
    for (const subscriber of this.subscribers) subscriber(name, payload);
  }

  subscribe(subscriber: (name: string, payload: unknown) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }
}
