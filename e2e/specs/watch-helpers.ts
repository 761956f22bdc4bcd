import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import type { RunningHarness } from '../harness/harness';

/** A notification as `GET /__harness/notifications` records it (issue 9, item 9). */
export interface RecordedNotification {
  readonly title: string;
  readonly body: string;
  readonly shownAt: string;
  readonly tokens: readonly { key: string; name: string; threshold: string }[];
}

/** The tray as `GET /__harness/tray` shows it. */
export interface RecordedTray {
  readonly state: 'ok' | 'attention' | 'alert';
  readonly tooltip: string;
  readonly menu: readonly string[];
}

/** Reads a harness endpoint from Node, on the loopback host the endpoints require. */
export async function harnessGet<T>(harness: RunningHarness, path: string): Promise<T> {
  const response = await fetch(new URL(path, harness.url));
  expect(response.ok, `GET ${path} answered ${String(response.status)}`).toBe(true);
  return (await response.json()) as T;
}

/** Posts to a harness endpoint from Node; answers once the harness has acted. */
export async function harnessPost(
  harness: RunningHarness,
  path: string,
  body: unknown,
): Promise<void> {
  const response = await fetch(new URL(path, harness.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok, `POST ${path} answered ${String(response.status)}`).toBe(true);
}

/** Opens a page of the side navigation. */
export async function openSection(app: Page, label: string): Promise<void> {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label }).click();
}
