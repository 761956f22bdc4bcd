import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  IpcMain,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  NotificationConstructorOptions,
  Settings,
} from 'electron';
import { vi } from 'vitest';
import type { ShellElectron } from '../shell';
import { MemoryClipboard } from '../core/test-support/memory-clipboard';

/**
 * A small stand-in for the parts of Electron the shell touches. The real
 * package cannot run here (its binary cannot be downloaded), so unit tests
 * drive the shell with this instead. Each fake records what was done to it.
 */

interface NavigationEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
  defaultPrevented: boolean;
  preventDefault(): void;
}

function navigationEvent(url: string, isMainFrame = true): NavigationEvent {
  const event: NavigationEvent = {
    url,
    isMainFrame,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

let nextId = 1;

export class FakeFrame {
  readonly frameTreeNodeId = nextId++;
  readonly frames: FakeFrame[] = [];
  detached = false;

  constructor(
    public url: string,
    readonly parent: FakeFrame | null = null,
  ) {
    parent?.frames.push(this);
  }

  /**
   * The origin as Chromium computes it. Node's URL gives every non-special
   * scheme an opaque origin ("null"); Chromium gives a scheme registered as
   * standard (our app://) a tuple origin like https's.
   */
  get origin(): string {
    const url = new URL(this.url);
    return url.protocol === 'app:' ? `${url.protocol}//${url.host}` : url.origin;
  }
}

type HeadersListener = (
  details: { resourceType: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  readonly cookies = new EventEmitter();
  headersListener: HeadersListener | null = null;
  permissionRequestHandler:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
    null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  readonly clearStorageData = vi.fn(() => Promise.resolve());
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };

  constructor(readonly partition: string | null) {}

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }

  /** Emits `cookies.on('changed')` as Electron does. */
  changeCookie(cookie: { name: string; value: string; domain: string }, removed = false): void {
    this.cookies.emit('changed', {}, cookie, removed ? 'explicit' : 'inserted', removed);
  }

  /** What the CSP hook answers for a response of this resource type. */
  headersFor(resourceType: string, responseHeaders: Record<string, string[]> = {}) {
    let answer: { responseHeaders?: Record<string, string[]> } | undefined;
    this.headersListener?.({ resourceType, responseHeaders }, (response) => {
      answer = response;
    });
    return answer;
  }
}

type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeFrame('about:blank');
  readonly sent: { channel: string; payload: unknown }[] = [];
  openHandler: OpenHandler | null = null;
  destroyed = false;
  /** True from loadURL until `finishLoad()`, as while Chromium loads the page. */
  loading = false;

  constructor(readonly session: FakeSession) {
    super();
  }

  isLoading(): boolean {
    return this.loading;
  }

  /** The page has loaded: `did-finish-load`, as Electron emits it. */
  finishLoad(): void {
    this.loading = false;
    this.emit('did-finish-load');
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The page tries to navigate the top frame; true if the shell let it. */
  tryNavigate(url: string): boolean {
    const event = navigationEvent(url);
    this.emit('will-navigate', event);
    return !event.defaultPrevented;
  }

  /** The server redirects a navigation; true if the shell let it. */
  tryRedirect(url: string, isMainFrame = true): boolean {
    const event = navigationEvent(url, isMainFrame);
    this.emit('will-redirect', event);
    return !event.defaultPrevented;
  }

  /** The page calls `window.open(url)`. */
  tryOpenWindow(url: string): 'allow' | 'deny' | 'no handler' {
    return this.openHandler?.({ url }).action ?? 'no handler';
  }

  /** The page tries to attach a `<webview>`; true if the shell let it. */
  tryAttachWebview(): boolean {
    const event = navigationEvent('about:blank');
    this.emit('will-attach-webview', event, {}, {});
    return !event.defaultPrevented;
  }
}

type InvokeListener = Parameters<IpcMain['handle']>[1];

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  /** Calls a handler as `ipcRenderer.invoke` would, from the given frame. */
  async invoke(
    channel: string,
    from: { sender: FakeWebContents; senderFrame: FakeFrame | null },
    input: unknown,
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return (await handler(from as unknown as IpcMainInvokeEvent, input)) as unknown;
  }
}

export class FakeApp extends EventEmitter {
  hasLock = true;
  /** Becomes true when the promise of `whenReady()` settles, as `ready` does in Electron. */
  ready = false;
  isPackaged = false;
  /** What `getLoginItemSettings().wasOpenedAtLogin` answers (macOS). */
  wasOpenedAtLogin = false;
  readonly loginItemSettings: Settings[] = [];
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly setAppUserModelId = vi.fn((_id: string) => undefined);

  getAppPath(): string {
    return '/app';
  }

  setLoginItemSettings(settings: Settings): void {
    this.loginItemSettings.push(settings);
  }

  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    return {
      openAtLogin: this.loginItemSettings.at(-1)?.openAtLogin ?? false,
      wasOpenedAtLogin: this.wasOpenedAtLogin,
    };
  }

  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }

  whenReady(): Promise<void> {
    return Promise.resolve().then(() => {
      this.ready = true;
    });
  }

  isReady(): boolean {
    return this.ready;
  }
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/**
 * Electron's `protocol` for the default session, with its timing rules
 * enforced loudly: privileges only before ready and only once, handlers only
 * after ready and one per scheme.
 */
export class FakeProtocol {
  readonly privilegedSchemes: CustomScheme[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();
  private registeredPrivileges = false;

  constructor(private readonly app: FakeApp) {}

  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    if (this.app.ready) {
      throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    }
    if (this.registeredPrivileges) {
      throw new Error('registerSchemesAsPrivileged can be called only once');
    }
    this.registeredPrivileges = true;
    this.privilegedSchemes.push(...schemes);
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (!this.app.ready) throw new Error('protocol.handle needs a ready app');
    if (this.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    this.handlers.set(scheme, handler);
  }

  /** A request the page makes, answered by the handler of its scheme. */
  async request(url: string, method = 'GET'): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME for ${url}`);
    return handler(new Request(url, { method }));
  }
}

/** `nativeImage.createFromPath`: empty when the file is missing, as in Electron. */
export class FakeNativeImage {
  templateImage = false;

  constructor(readonly path: string) {}

  isEmpty(): boolean {
    return !existsSync(this.path);
  }

  setTemplateImage(option: boolean): void {
    this.templateImage = option;
  }

  isTemplateImage(): boolean {
    return this.templateImage;
  }
}

/** What `Menu.buildFromTemplate` returns here: the template itself, to read back. */
export interface FakeMenu {
  readonly items: readonly MenuItemConstructorOptions[];
}

type ActivationHandler = (details: { type: string; arguments: string }) => void;

/** Notifications the test can show, click, close or fail, as the OS would. */
export class FakeNotification extends EventEmitter {
  readonly shown = vi.fn();
  closed = false;

  constructor(readonly options: NotificationConstructorOptions) {
    super();
  }

  show(): void {
    this.shown();
  }

  close(): void {
    this.closed = true;
    this.emit('close', {});
  }
}

/** Builds one connected fake: windows announce their web contents to `app`, sessions by partition. */
export function createFakeElectron() {
  const app = new FakeApp();
  const defaultSession = new FakeSession(null);
  const partitions = new Map<string, FakeSession>();
  const fromPartition = vi.fn((partition: string): FakeSession => {
    const existing = partitions.get(partition);
    if (existing) return existing;
    const created = new FakeSession(partition);
    partitions.set(partition, created);
    return created;
  });

  class FakeBrowserWindow extends EventEmitter {
    static readonly created: FakeBrowserWindow[] = [];
    readonly webContents: FakeWebContents;
    loadedUrl: string | null = null;
    loadedFile: string | null = null;
    visible = false;
    focused = false;
    minimized = false;
    destroyed = false;

    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      const partition = options.webPreferences?.partition;
      this.webContents = new FakeWebContents(partition ? fromPartition(partition) : defaultSession);
      FakeBrowserWindow.created.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }

    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.loading = true;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }

    loadFile(path: string): Promise<void> {
      this.loadedFile = path;
      this.webContents.mainFrame.url = pathToFileURL(path).href;
      return Promise.resolve();
    }

    show(): void {
      this.visible = true;
    }

    focus(): void {
      this.focused = true;
    }

    isMinimized(): boolean {
      return this.minimized;
    }

    restore(): void {
      this.minimized = false;
    }

    close(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    }

    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  /** The OS's theme; tests flip the flags and `emit('updated')`. */
  class FakeNativeTheme extends EventEmitter {
    shouldUseDarkColors = false;
    /** Windows: the taskbar's theme, apart from the apps' (same as above elsewhere). */
    shouldUseDarkColorsForSystemIntegratedUI = false;
  }

  class FakeTray extends EventEmitter {
    static readonly created: FakeTray[] = [];
    toolTip = '';
    contextMenu: FakeMenu | null = null;
    destroyed = false;
    readonly destroyCalls = vi.fn();

    constructor(
      public image: FakeNativeImage,
      readonly guid?: string,
    ) {
      super();
      if (!app.ready) throw new Error('Cannot create Tray before app is ready');
      FakeTray.created.push(this);
    }

    setImage(image: FakeNativeImage): void {
      this.assertAlive();
      this.image = image;
    }

    setToolTip(toolTip: string): void {
      this.assertAlive();
      this.toolTip = toolTip;
    }

    setContextMenu(menu: FakeMenu | null): void {
      this.assertAlive();
      this.contextMenu = menu;
    }

    destroy(): void {
      this.destroyCalls();
      this.destroyed = true;
    }

    isDestroyed(): boolean {
      return this.destroyed;
    }

    /** Labels of the context menu, top to bottom; separators as '---'. */
    menuLabels(): string[] {
      return (this.contextMenu?.items ?? []).map((item) =>
        item.type === 'separator' ? '---' : (item.label ?? ''),
      );
    }

    /** Clicks the context menu item with this label. */
    clickItem(label: string): void {
      const item = this.contextMenu?.items.find((entry) => entry.label === label);
      if (!item?.click) throw new Error(`no menu item "${label}"`);
      (item.click as () => void)();
    }

    private assertAlive(): void {
      // Electron throws on a destroyed tray ("Tray is destroyed"), electron#32581.
      if (this.destroyed) throw new Error('Tray is destroyed');
    }
  }

  class FakeNotificationHere extends FakeNotification {
    static readonly created: FakeNotificationHere[] = [];
    /** What `Notification.isSupported()` answers. */
    static supported = true;

    static isSupported(): boolean {
      return FakeNotificationHere.supported;
    }

    /** What `Notification.handleActivation` registered (Windows, Electron 42 and later). */
    static activationHandler: ActivationHandler | null = null;

    static handleActivation(handler: ActivationHandler): void {
      FakeNotificationHere.activationHandler = handler;
    }

    constructor(options: NotificationConstructorOptions) {
      super(options);
      FakeNotificationHere.created.push(this);
    }
  }

  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    clipboard: new MemoryClipboard(),
    ipcMain: new FakeIpcMain(),
    Menu: {
      buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]): FakeMenu => ({
        items: template,
      })),
    },
    nativeImage: {
      createFromPath: vi.fn((path: string) => new FakeNativeImage(path)),
    },
    nativeTheme: new FakeNativeTheme(),
    Notification: FakeNotificationHere,
    powerMonitor: new EventEmitter(),
    protocol: new FakeProtocol(app),
    session: { defaultSession, fromPartition },
    shell: { openExternal: vi.fn((_url: string) => Promise.resolve()) },
    Tray: FakeTray,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeBrowserWindow = InstanceType<FakeElectron['BrowserWindow']>;
export type FakeTray = InstanceType<FakeElectron['Tray']>;

/**
 * The one cast between the fake and Electron's types: the fake implements
 * only what the shell calls, which the tests then exercise.
 */
export function asElectron(fake: FakeElectron): ShellElectron {
  return fake as unknown as ShellElectron;
}
