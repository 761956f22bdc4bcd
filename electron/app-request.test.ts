import { isAbsolute, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from './app-request';

const root = resolve('/opt/Cratekeeper/resources/app.asar/.vite/renderer/main_window');
const csp = "default-src 'self'";

function plan(url: string, method = 'GET') {
  return resolveAppRequest({ method, url }, root, csp);
}

function statusOf(url: string, method = 'GET'): number {
  const result = plan(url, method);
  return result.kind === 'refused' ? result.status : 200;
}

describe('resolveAppRequest', () => {
  it('maps our files to paths inside the build folder', () => {
    expect(plan('app://cratekeeper/index.html')).toMatchObject({
      kind: 'file',
      path: join(root, 'index.html'),
    });
    expect(plan('app://cratekeeper/assets/index-mZ5FQvYu.js')).toMatchObject({
      kind: 'file',
      path: join(root, 'assets', 'index-mZ5FQvYu.js'),
    });
    expect(plan('app://cratekeeper/index.html?tab=1#/tokens')).toMatchObject({
      path: join(root, 'index.html'),
    });
  });

  it('serves index.html for the bare origin', () => {
    expect(plan('app://cratekeeper/')).toMatchObject({ path: join(root, 'index.html') });
    expect(plan('app://cratekeeper')).toMatchObject({ path: join(root, 'index.html') });
  });

  it('never names a path outside the build folder, however the way out is spelt', () => {
    for (const url of [
      'app://cratekeeper/../../../etc/passwd',
      'app://cratekeeper/%2e%2e/%2e%2e/etc/passwd',
      'app://cratekeeper/%2E%2E/secret.txt',
      'app://cratekeeper/assets/.%2e/.%2E/secret.txt',
    ]) {
      // The URL parser resolves these dot segments, stopping at the root.
      const result = plan(url);
      if (result.kind === 'file') {
        const inside = relative(root, result.path);
        expect(inside.startsWith('..') || isAbsolute(inside), url).toBe(false);
      }
    }
  });

  it('refuses encoded separators, hidden files and anything else outside its file names', () => {
    for (const url of [
      'app://cratekeeper/..%2f..%2fetc%2fpasswd',
      'app://cratekeeper/assets%2f..%2f..%2fsecret.txt',
      'app://cratekeeper/..%5c..%5csecret.txt',
      'app://cratekeeper/a\\..\\..\\secret.txt',
      'app://cratekeeper/%2fetc%2fpasswd',
      'app://cratekeeper//etc/passwd.txt',
      'app://cratekeeper/C:%5cWindows%5cwin.ini',
      'app://cratekeeper/index.html%00.js',
      'app://cratekeeper/.env.txt',
      'app://cratekeeper/assets/.hidden.js',
      'app://cratekeeper/%',
    ]) {
      expect(plan(url).kind, url).toBe('refused');
    }
  });

  it('refuses every other host, port, credentials and scheme', () => {
    expect(statusOf('app://evil/index.html')).toBe(404);
    expect(statusOf('app://cratekeeper.evil.example/index.html')).toBe(404);
    expect(statusOf('app://cratekeeper:8080/index.html')).toBe(404);
    expect(statusOf('app://user:secret@cratekeeper/index.html')).toBe(404);
    expect(statusOf('file:///opt/Cratekeeper/index.html')).toBe(404);
    expect(statusOf('https://cratekeeper/index.html')).toBe(404);
    expect(statusOf('not a url')).toBe(400);
  });

  it('reads only', () => {
    expect(statusOf('app://cratekeeper/index.html', 'POST')).toBe(405);
    expect(statusOf('app://cratekeeper/index.html', 'PUT')).toBe(405);
    expect(statusOf('app://cratekeeper/index.html', 'HEAD')).toBe(200);
  });

  it('refuses folders and types the app does not serve', () => {
    expect(statusOf('app://cratekeeper/assets/')).toBe(404);
    expect(statusOf('app://cratekeeper/assets')).toBe(404);
    expect(statusOf('app://cratekeeper/main.js.map')).toBe(404);
    expect(statusOf('app://cratekeeper/app.asar')).toBe(404);
    expect(statusOf('app://cratekeeper/x.constructor')).toBe(404);
  });

  it('names the type of every file and forbids sniffing another', () => {
    const types: Record<string, string> = {
      'index.html': 'text/html; charset=utf-8',
      'assets/index-abc.js': 'text/javascript; charset=utf-8',
      'assets/index-abc.CSS': 'text/css; charset=utf-8',
      'icon.svg': 'image/svg+xml',
      'assets/font.woff2': 'font/woff2',
      'data.json': 'application/json; charset=utf-8',
    };
    for (const [file, type] of Object.entries(types)) {
      const result = plan(`app://cratekeeper/${file}`);
      if (result.kind !== 'file') throw new Error(`${file} was refused`);
      expect(result.headers['Content-Type'], file).toBe(type);
      expect(result.headers['X-Content-Type-Options'], file).toBe('nosniff');
    }
  });

  it('sends the CSP header with HTML, and only with HTML', () => {
    const page = plan('app://cratekeeper/index.html');
    const script = plan('app://cratekeeper/assets/index-abc.js');
    if (page.kind !== 'file' || script.kind !== 'file') throw new Error('refused');
    expect(page.headers['Content-Security-Policy']).toBe(csp);
    expect(script.headers).not.toHaveProperty('Content-Security-Policy');
  });
});
