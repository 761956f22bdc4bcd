import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, type CallName } from '../shared/ipc/contract';
import type { CallHandlers } from './core/dispatch';
import { FOREIGN_SENDER_MESSAGE, registerIpcHandlers } from './ipc-main';
import type { RendererLocation } from './renderer-location';
import { FakeFrame, FakeIpcMain, FakeSession, FakeWebContents } from './test-support/fake-electron';
import { ownRendererSenderCheck } from './trusted-sender';

const rendererRoot = resolve('/app/.vite/renderer/main_window');
const location: RendererLocation = {
  kind: 'app-protocol',
  root: rendererRoot,
  url: 'app://cratekeeper/index.html',
};

/** A call whose input accepts `{}`, and input that no call's strict schema accepts. */
const simpleCall = 'accounts:list' satisfies CallName;
const junkInput = { notAContractField: true };

function setUp() {
  const mainContents = new FakeWebContents(new FakeSession(null));
  mainContents.mainFrame.url = 'app://cratekeeper/index.html';
  const marker = [
    {
      id: 'crates.io#1',
      registry: { name: 'crates-io', baseUrl: 'https://crates.io' },
      userId: 1,
      login: 'kate',
      displayName: null,
      avatarUrl: null,
      status: 'signed-in',
    },
  ];
  const handlers = Object.fromEntries(
    CALL_NAMES.map((name) => [name, vi.fn((_input: unknown) => Promise.resolve(marker))]),
  ) as unknown as CallHandlers & Record<CallName, ReturnType<typeof vi.fn>>;
  const ipcMain = new FakeIpcMain();
  const log = { warn: vi.fn(), error: vi.fn() };
  registerIpcHandlers(
    ipcMain,
    handlers,
    ownRendererSenderCheck(() => mainContents as unknown as WebContents, location),
    log,
  );
  const coreWasCalled = () => CALL_NAMES.some((name) => handlers[name].mock.calls.length > 0);
  return { ipcMain, mainContents, handlers, marker, log, coreWasCalled };
}

describe('registerIpcHandlers', () => {
  it('registers one handler per contract call and no other', () => {
    const { ipcMain } = setUp();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CALL_NAMES].sort());
  });

  it('passes a valid call from our own window to the core and returns its result', async () => {
    const { ipcMain, mainContents, handlers, marker } = setUp();
    const result = await ipcMain.invoke(
      simpleCall,
      { sender: mainContents, senderFrame: mainContents.mainFrame },
      {},
    );
    expect(result).toEqual({ ok: true, value: marker });
    expect(handlers[simpleCall]).toHaveBeenCalledOnce();
  });

  it('strips fields the contract does not declare from the answer', async () => {
    const { ipcMain, mainContents, handlers, marker } = setUp();
    handlers[simpleCall].mockResolvedValueOnce([{ ...marker[0], sessionCookie: 'secret' }]);
    const result = await ipcMain.invoke(
      simpleCall,
      { sender: mainContents, senderFrame: mainContents.mainFrame },
      {},
    );
    expect(result).toEqual({ ok: true, value: marker });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('refuses input that does not match the contract before it reaches the core', async () => {
    const { ipcMain, mainContents, coreWasCalled } = setUp();
    for (const name of CALL_NAMES) {
      const result = await ipcMain.invoke(
        name,
        { sender: mainContents, senderFrame: mainContents.mainFrame },
        junkInput,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(coreWasCalled()).toBe(false);
  });

  it('turns an error in the core into a failure value', async () => {
    const { ipcMain, mainContents, handlers } = setUp();
    handlers[simpleCall].mockRejectedValueOnce(new Error('boom'));
    const result = await ipcMain.invoke(
      simpleCall,
      { sender: mainContents, senderFrame: mainContents.mainFrame },
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('the sender check', () => {
  async function refused(
    build: (main: FakeWebContents) => { sender: FakeWebContents; senderFrame: FakeFrame | null },
  ) {
    const { ipcMain, mainContents, coreWasCalled, log } = setUp();
    const results = await Promise.all(
      CALL_NAMES.map((name) => ipcMain.invoke(name, build(mainContents), {})),
    );
    expect(coreWasCalled()).toBe(false);
    expect(log.warn).toHaveBeenCalled();
    return results;
  }

  const refusal = {
    ok: false,
    error: { code: 'forbidden', message: FOREIGN_SENDER_MESSAGE },
  };

  it('refuses our window once it shows a foreign page', async () => {
    const results = await refused((main) => {
      main.mainFrame.url = 'https://evil.example/';
      return { sender: main, senderFrame: main.mainFrame };
    });
    expect(results).toEqual(CALL_NAMES.map(() => refusal));
  });

  it('refuses our own index.html when it is shown from file://', async () => {
    const results = await refused((main) => {
      main.mainFrame.url = pathToFileURL(join(rendererRoot, 'index.html')).href;
      return { sender: main, senderFrame: main.mainFrame };
    });
    expect(results).toEqual(CALL_NAMES.map(() => refusal));
  });

  it('refuses another host or page of the app scheme', async () => {
    for (const url of ['app://evil/index.html', 'app://cratekeeper/other.html']) {
      const results = await refused((main) => {
        main.mainFrame.url = url;
        return { sender: main, senderFrame: main.mainFrame };
      });
      expect(results).toEqual(CALL_NAMES.map(() => refusal));
    }
  });

  it('refuses our URL in a frame whose origin is not ours (an opaque one)', async () => {
    const results = await refused((main) => {
      Object.defineProperty(main.mainFrame, 'origin', { value: 'null' });
      return { sender: main, senderFrame: main.mainFrame };
    });
    expect(results).toEqual(CALL_NAMES.map(() => refusal));
  });

  it('refuses another local file', async () => {
    const results = await refused((main) => {
      main.mainFrame.url = pathToFileURL(resolve('/tmp/index.html')).href;
      return { sender: main, senderFrame: main.mainFrame };
    });
    expect(results).toEqual(CALL_NAMES.map(() => refusal));
  });

  it('refuses a subframe, even one showing our own page', async () => {
    const results = await refused((main) => ({
      sender: main,
      senderFrame: new FakeFrame(main.mainFrame.url, main.mainFrame),
    }));
    expect(results).toEqual(CALL_NAMES.map(() => refusal));
  });

  it('refuses a frame that is gone', async () => {
    const results = await refused((main) => ({ sender: main, senderFrame: null }));
    expect(results).toEqual(CALL_NAMES.map(() => refusal));
  });

  it('refuses a frame that is being unloaded', async () => {
    const results = await refused((main) => {
      main.mainFrame.detached = true;
      return { sender: main, senderFrame: main.mainFrame };
    });
    expect(results).toEqual(CALL_NAMES.map(() => refusal));
  });

  it('refuses a frame Electron has already disposed of', async () => {
    const results = await refused((main) => {
      const disposed = new FakeFrame(main.mainFrame.url);
      Object.defineProperty(disposed, 'url', {
        get: () => {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      });
      Object.defineProperty(disposed, 'origin', { get: () => disposed.url });
      Object.defineProperty(disposed, 'frameTreeNodeId', {
        value: main.mainFrame.frameTreeNodeId,
      });
      return { sender: main, senderFrame: disposed };
    });
    expect(results).toEqual(CALL_NAMES.map(() => refusal));
  });

  it('refuses another window showing our page', async () => {
    const results = await refused((main) => {
      const other = new FakeWebContents(new FakeSession(null));
      other.mainFrame.url = main.mainFrame.url;
      return { sender: other, senderFrame: other.mainFrame };
    });
    expect(results).toEqual(CALL_NAMES.map(() => refusal));
  });

  it('refuses everything once the main window is closed', async () => {
    const results = await refused((main) => {
      main.destroyed = true;
      return { sender: main, senderFrame: main.mainFrame };
    });
    expect(results).toEqual(CALL_NAMES.map(() => refusal));
  });
});
