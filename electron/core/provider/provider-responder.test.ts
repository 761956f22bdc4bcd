import { describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain/account';
import {
  APPROVAL_TIMEOUT_MS,
  PROVIDER_AUDIT_LIMIT,
  type ApprovalRequest,
  type ProviderAuditEntry,
  type ProviderPolicy,
} from '../../../shared/domain/cargo-provider';
import type { Navigation } from '../../../shared/domain/attention';
import { MemoryMetadataStore } from '../store/memory-metadata-store';
import { fakeFetch } from '../test-support/fake-registry';
import type { DesktopNotification, Timers } from '../watch-ports';
import { Approvals } from './approvals';
import { crateExists } from './crate-exists';
import { ProviderMemory } from './provider-memory';
import type { ProviderRegistry } from './provider-registries';
import { ProviderResponder, UNLOCK_MESSAGE } from './provider-responder';
import type { TokenCandidate } from './token-choice';
import type { CargoAnswer, CargoRequest } from './wire';

const NOW = new Date('2026-06-01T12:00:00Z');
const CRATES_IO_INDEX = 'https://github.com/rust-lang/crates.io-index';

const ACCOUNT: Account = {
  id: 'crates.io#7',
  registry: { name: 'crates-io', baseUrl: 'https://crates.io' },
  userId: 7,
  login: 'kate',
  displayName: null,
  avatarUrl: null,
  status: 'signed-in',
};

const CRATES_IO: ProviderRegistry = {
  registryName: 'crates-io',
  baseUrl: 'https://crates.io',
  label: 'crates.io',
  accounts: [ACCOUNT],
};

function candidate(
  name: string,
  endpointScopes: TokenCandidate['endpointScopes'],
  cratePatterns: string[] | null = null,
): TokenCandidate {
  return {
    key: `crates.io#7/${name}`,
    name,
    source: 'registry',
    endpointScopes,
    cratePatterns,
    expiresAt: null,
    revoked: false,
  };
}

const SECRETS: Record<string, string> = {
  'crates.io#7/publish-new': 'cioPUBLISHNEWPUBLISHNEWPUBLISHNEW0',
  'crates.io#7/publish-update': 'cioPUBLISHUPDATEPUBLISHUPDATEPUB00',
  'crates.io#7/yank': 'cioYANKYANKYANKYANKYANKYANKYANKYA0',
  'crates.io#7/owners': 'cioOWNERSOWNERSOWNERSOWNERSOWNERS0',
};

/** Timers that fire only when the test says time has passed. */
function manualTimers() {
  let nowMs = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const handle = next++;
      pending.set(handle, { at: nowMs + ms, callback });
      return handle;
    },
    clearTimeout: (handle) => {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number): void => {
    nowMs += ms;
    for (const [handle, timer] of [...pending]) {
      if (timer.at <= nowMs) {
        pending.delete(handle);
        timer.callback();
      }
    }
  };
  return { timers, advance, pendingCount: () => pending.size };
}

interface SetUpOptions {
  readonly candidates?: TokenCandidate[];
  readonly existing?: string[];
  readonly registry?: ProviderRegistry | null;
  readonly policy?: Partial<ProviderPolicy>;
  readonly vaultReady?: boolean;
  readonly notificationShown?: boolean;
  readonly crateExists?: (baseUrl: string, crate: string) => Promise<boolean>;
}

function setUp(options: SetUpOptions = {}) {
  const routes: Record<string, { status?: number; body: unknown }> = {};
  for (const name of options.existing ?? ['quill']) {
    routes[`crates.io /api/v1/crates/${name}/owners`] = { body: { users: [] } };
  }
  const registryFetch = fakeFetch(routes);
  const store = new MemoryMetadataStore();
  const memory = new ProviderMemory(store);
  if (options.policy) memory.setPolicy('crates-io', options.policy);
  const events: [string, unknown][] = [];
  const notifications: { notification: DesktopNotification; click: () => void }[] = [];
  const opened: (Navigation | undefined)[] = [];
  const window = {
    open: (navigation?: Navigation) => {
      opened.push(navigation);
    },
    quit: () => undefined,
  };
  const notifier = {
    show: (notification: DesktopNotification, click: () => void) => {
      notifications.push({ notification, click });
      return Promise.resolve(options.notificationShown ?? true);
    },
  };
  const eventSink = { emit: (name: string, payload: unknown) => events.push([name, payload]) };
  const clock = { now: () => NOW };
  const { timers, advance, pendingCount } = manualTimers();
  const approvals = new Approvals({ clock, timers, events: eventSink, notifier, window });
  let ids = 0;
  const candidates = options.candidates ?? [
    candidate('publish-new', ['publish-new']),
    candidate('publish-update', ['publish-update']),
    candidate('yank', ['yank']),
    candidate('owners', ['change-owners']),
  ];
  const responder = new ProviderResponder({
    resolveRegistry: (index) =>
      Promise.resolve(
        index === CRATES_IO_INDEX
          ? options.registry === undefined
            ? CRATES_IO
            : options.registry
          : null,
      ),
    candidates: () => Promise.resolve(candidates),
    crateExists:
      options.crateExists ?? ((baseUrl, crate) => crateExists(registryFetch.fetch, baseUrl, crate)),
    vaultReady: () => options.vaultReady ?? true,
    secretOf: (key) => {
      if (options.vaultReady === false) return Promise.reject(new Error('locked'));
      const secret = SECRETS[key];
      return secret ? Promise.resolve(secret) : Promise.reject(new Error('no secret'));
    },
    memory,
    approvals,
    notifier,
    window,
    events: eventSink,
    clock,
    newId: () => `request-${++ids}`,
  });
  return {
    responder,
    memory,
    store,
    events,
    notifications,
    opened,
    approvals,
    advance,
    pendingCount,
    registryRequests: registryFetch.requests,
  };
}

function get(
  operation: string,
  name?: string,
  vers?: string,
  index = CRATES_IO_INDEX,
): CargoRequest {
  return {
    v: 1,
    registry: { 'index-url': index, name: 'crates-io' },
    kind: 'get',
    operation,
    ...(name === undefined ? {} : { name }),
    ...(vers === undefined ? {} : { vers }),
  };
}

function tokenOf(answer: CargoAnswer): string | null {
  return 'Ok' in answer && answer.Ok.kind === 'get' ? answer.Ok.token : null;
}

describe('ProviderResponder: which token cargo gets', () => {
  it.each([
    ['publish', 'fresh-crate', 'publish-new'],
    ['publish', 'quill', 'publish-update'],
    ['yank', 'quill', 'yank'],
    ['unyank', 'quill', 'yank'],
    ['owners', 'quill', 'owners'],
  ])(
    '%s %s gets the %s token, never cached, never operation-independent',
    async (operation, crate, key) => {
      const { responder } = setUp();
      const answer = await responder.respond(get(operation, crate, '1.0.0'));
      expect(answer).toEqual({
        Ok: {
          kind: 'get',
          token: SECRETS[`crates.io#7/${key}`],
          cache: 'never',
          operation_independent: false,
        },
      });
    },
  );

  it('asks the registry whether the crate exists (public owners list, no token sent)', async () => {
    const { responder, registryRequests } = setUp();
    await responder.respond(get('publish', 'quill', '1.0.0'));
    expect(registryRequests.map((request) => request.url)).toEqual([
      'https://crates.io/api/v1/crates/quill/owners',
    ]);
    expect(registryRequests[0]?.headers).not.toHaveProperty('authorization');
    expect(registryRequests[0]?.headers).not.toHaveProperty('cookie');
  });

  it('answers read with the narrowest token held, without asking the registry', async () => {
    const { responder, registryRequests } = setUp();
    const answer = await responder.respond(get('read'));
    expect(tokenOf(answer)).not.toBeNull();
    expect(registryRequests).toEqual([]);
  });

  it('answers not-found when nothing is held for the registry, whatever the policy', async () => {
    for (const whenNoToken of ['refuse', 'fall-through'] as const) {
      const { responder, memory } = setUp({ candidates: [], policy: { whenNoToken } });
      expect(await responder.respond(get('read'))).toEqual({ Err: { kind: 'not-found' } });
      expect(await responder.respond(get('publish', 'quill'))).toEqual({
        Err: { kind: 'not-found' },
      });
      expect(memory.audit()[0]).toMatchObject({ outcome: 'fell-through' });
    }
  });

  it('answers url-not-supported for a registry it does not know', async () => {
    const { responder, memory } = setUp();
    const answer = await responder.respond(
      get('publish', 'quill', '1.0.0', 'sparse+https://elsewhere.example/index/'),
    );
    expect(answer).toEqual({ Err: { kind: 'url-not-supported' } });
    expect(memory.audit()[0]).toMatchObject({
      registry: 'sparse+https://elsewhere.example/index/',
      outcome: 'not-supported',
    });
  });

  it('does not support login, logout or unknown kinds and operations', async () => {
    const { responder } = setUp();
    // A registry the app does not know: cargo:token logs in there as before.
    expect(
      await responder.respond({
        ...get('read', undefined, undefined, 'sparse+https://elsewhere.example/index/'),
        kind: 'login',
      }),
    ).toEqual({ Err: { kind: 'url-not-supported' } });
    const login = await responder.respond({ ...get('read'), kind: 'login' });
    expect(login).toMatchObject({ Err: { kind: 'other' } });
    expect(JSON.stringify(login)).toContain('cargo login');
    const logout = await responder.respond({ ...get('read'), kind: 'logout' });
    expect(JSON.stringify(logout)).toContain('cargo logout');
    expect(await responder.respond({ ...get('read'), kind: 'future' })).toEqual({
      Err: { kind: 'operation-not-supported' },
    });
    expect(await responder.respond(get('trusted-publish', 'quill'))).toEqual({
      Err: { kind: 'operation-not-supported' },
    });
  });

  it('refuses with a clear message when the registry cannot say whether the crate exists', async () => {
    const { responder } = setUp({ existing: [] });
    // Every crate answers 404: a new crate, so publish-new.
    expect(tokenOf(await responder.respond(get('publish', 'quill', '1.0.0')))).toBe(
      SECRETS['crates.io#7/publish-new'],
    );
    const failing = setUp({ crateExists: () => Promise.reject(new Error('it answered HTTP 503')) });
    expect(await failing.responder.respond(get('publish', 'quill', '1.0.0'))).toEqual({
      Err: {
        kind: 'other',
        message:
          'Cratekeeper could not ask crates.io whether quill exists (it answered HTTP 503), so it cannot tell publish-new from publish-update. Run cargo again.',
      },
    });
  });

  it('reads a registry failure as an error, not as a new crate', async () => {
    const { fetch } = fakeFetch({
      'crates.io /api/v1/crates/quill/owners': { status: 503, body: '' },
    });
    await expect(crateExists(fetch, 'https://crates.io', 'quill')).rejects.toThrow('HTTP 503');
  });
});

describe('ProviderResponder: no fitting token', () => {
  it('refuses with the message naming what is needed, and offers the builder filled in', async () => {
    const { responder, notifications, opened, memory } = setUp({
      candidates: [candidate('yank', ['yank'])],
    });
    const answer = await responder.respond(get('publish', 'quill', '1.2.0'));
    expect(answer).toEqual({
      Err: {
        kind: 'other',
        message:
          'Cratekeeper has no token that may publish-update quill on crates.io. Create one in Cratekeeper: the builder is filled in.',
      },
    });
    expect(notifications).toHaveLength(1);
    expect(opened).toEqual([]);
    notifications[0]?.click();
    expect(opened).toEqual([
      {
        to: 'builder',
        builder: {
          accountId: 'crates.io#7',
          name: 'quill publish-update',
          endpointScopes: ['publish-update'],
          cratePatterns: ['quill'],
        },
      },
    ]);
    expect(memory.audit()[0]).toMatchObject({
      operation: 'publish',
      crate: 'quill',
      version: '1.2.0',
      tokenKey: null,
      outcome: 'refused',
      reason: 'No held token may publish-update quill.',
    });
  });

  it('opens the builder at once when the OS shows no notification', async () => {
    const { responder, opened } = setUp({
      candidates: [candidate('yank', ['yank'])],
      notificationShown: false,
    });
    await responder.respond(get('owners', 'quill'));
    await Promise.resolve();
    await Promise.resolve();
    expect(opened).toEqual([
      {
        to: 'builder',
        builder: {
          accountId: 'crates.io#7',
          name: 'quill change-owners',
          endpointScopes: ['change-owners'],
          cratePatterns: ['quill'],
        },
      },
    ]);
  });

  it('falls through (not-found) when the registry is set so', async () => {
    const { responder, notifications, memory } = setUp({
      candidates: [candidate('yank', ['yank'])],
      policy: { whenNoToken: 'fall-through' },
    });
    expect(await responder.respond(get('publish', 'quill', '1.2.0'))).toEqual({
      Err: { kind: 'not-found' },
    });
    expect(notifications).toEqual([]);
    expect(memory.audit()[0]).toMatchObject({ outcome: 'fell-through' });
  });

  it('tells read apart: held tokens that all expire soon are refused without a builder', async () => {
    const soon = { ...candidate('yank', ['yank']), expiresAt: '2026-06-01T12:30:00Z' };
    const { responder, notifications } = setUp({ candidates: [soon] });
    expect(await responder.respond(get('read'))).toEqual({
      Err: {
        kind: 'other',
        message:
          'Cratekeeper holds no token for crates.io that is valid for more than an hour. Create one in Cratekeeper.',
      },
    });
    expect(notifications).toEqual([]);
  });

  it('asks to unlock the vault rather than fail obscurely', async () => {
    const { responder, memory } = setUp({ vaultReady: false });
    expect(await responder.respond(get('yank', 'quill', '1.0.0'))).toEqual({
      Err: { kind: 'other', message: UNLOCK_MESSAGE },
    });
    expect(memory.audit()[0]).toMatchObject({ outcome: 'refused' });
  });
});

describe('ProviderResponder: Ask me before each publish', () => {
  const askFirst = { policy: { askBeforePublish: true } } as const;

  it('waits for the user, names the request, and hands the token out when allowed', async () => {
    const { responder, events, approvals, notifications } = setUp(askFirst);
    const answer = responder.respond(get('publish', 'quill', '1.2.0'));
    await Promise.resolve();
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    const [request] = approvals.pending();
    expect(request).toEqual<ApprovalRequest>({
      id: 'request-1',
      registryName: 'crates-io',
      operation: 'publish',
      crate: 'quill',
      version: '1.2.0',
      tokenName: 'publish-update',
      deadline: new Date(NOW.getTime() + APPROVAL_TIMEOUT_MS).toISOString(),
    });
    expect(events).toContainEqual(['provider:approval-requested', request]);
    expect(notifications[0]?.notification.title).toBe('cargo asks to publish quill 1.2.0');
    expect(approvals.answer('request-1', true)).toBe(true);
    expect(tokenOf(await answer)).toBe(SECRETS['crates.io#7/publish-update']);
    const answered = events.find(([name]) => name === 'provider:answered')?.[1];
    // The audit entry has the approval request's id, so the window can close its dialog.
    expect(answered).toMatchObject({ id: 'request-1', outcome: 'allowed' });
  });

  it('answers a clear error when the user denies', async () => {
    const { responder, approvals, memory } = setUp(askFirst);
    const answer = responder.respond(get('yank', 'quill', '1.0.0'));
    await new Promise((resolve) => setImmediate(resolve));
    approvals.answer('request-1', false);
    expect(await answer).toEqual({
      Err: {
        kind: 'other',
        message:
          'You denied cargo yank quill 1.0.0 on crates.io in Cratekeeper: no token was given.',
      },
    });
    expect(memory.audit()[0]).toMatchObject({ outcome: 'denied', tokenKey: null });
    expect(approvals.answer('request-1', true)).toBe(false);
  });

  it('times out after 60 seconds with a clear error (no real waiting)', async () => {
    const { responder, approvals, advance, memory } = setUp(askFirst);
    const answer = responder.respond(get('owners', 'quill'));
    await new Promise((resolve) => setImmediate(resolve));
    advance(APPROVAL_TIMEOUT_MS - 1);
    expect(approvals.pending()).toHaveLength(1);
    advance(1);
    expect(await answer).toEqual({
      Err: {
        kind: 'other',
        message:
          "Nobody answered Cratekeeper's approval request within 60 seconds, so cargo change the owners of quill on crates.io got no token. Run cargo again and allow it in Cratekeeper.",
      },
    });
    expect(approvals.pending()).toEqual([]);
    expect(memory.audit()[0]).toMatchObject({ outcome: 'timed-out' });
  });

  it('stops waiting when cargo goes away', async () => {
    const { responder, approvals, pendingCount } = setUp(askFirst);
    const aborter = new AbortController();
    const answer = responder.respond(get('publish', 'quill', '1.2.0'), aborter.signal);
    await new Promise((resolve) => setImmediate(resolve));
    aborter.abort();
    expect(await answer).toMatchObject({ Err: { kind: 'other' } });
    expect(approvals.pending()).toEqual([]);
    expect(pendingCount()).toBe(0);
  });

  it('never asks for read', async () => {
    const { responder, approvals } = setUp(askFirst);
    expect(tokenOf(await responder.respond(get('read')))).not.toBeNull();
    expect(approvals.pending()).toEqual([]);
  });
});

describe('ProviderResponder: audit', () => {
  it('records every answer newest first, bounded, and never a secret', async () => {
    const { responder, memory, store, events } = setUp();
    const rounds = PROVIDER_AUDIT_LIMIT + 5;
    for (let round = 0; round < rounds; round++) {
      await responder.respond(get('yank', 'quill', `1.0.${round}`));
    }
    const audit = memory.audit();
    expect(audit).toHaveLength(PROVIDER_AUDIT_LIMIT);
    expect(audit[0]).toMatchObject<Partial<ProviderAuditEntry>>({
      id: `request-${rounds}`,
      at: NOW.toISOString(),
      registry: 'crates-io',
      operation: 'yank',
      crate: 'quill',
      version: `1.0.${rounds - 1}`,
      tokenKey: 'crates.io#7/yank',
      tokenName: 'yank',
      outcome: 'allowed',
    });
    expect(audit.at(-1)?.version).toBe('1.0.5');
    const kept = JSON.stringify(store.get('provider'));
    const announced = JSON.stringify(events);
    for (const secret of Object.values(SECRETS)) {
      expect(kept).not.toContain(secret);
      expect(announced).not.toContain(secret);
    }
    expect(events.filter(([name]) => name === 'provider:answered')).toHaveLength(rounds);
  });

  it('records read without crate or version', async () => {
    const { responder, memory } = setUp();
    await responder.respond({ ...get('read'), name: 'quill', vers: '1.0.0' });
    expect(memory.audit()[0]).toMatchObject({ operation: 'read', crate: null, version: null });
  });
});
