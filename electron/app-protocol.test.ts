import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appProtocolHandler } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/** A build folder like Vite's, with a secret beside it that must stay out of reach. */
function buildFolder(): string {
  const outside = mkdtempSync(join(tmpdir(), 'cratekeeper-app-protocol-'));
  writeFileSync(join(outside, 'secret.txt'), 'not for the page');
  const root = join(outside, 'main_window');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Cratekeeper</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

function serve(read?: Parameters<typeof appProtocolHandler>[3]) {
  const log = { error: vi.fn() };
  const root = buildFolder();
  const handler = appProtocolHandler(root, CONTENT_SECURITY_POLICY, log, read);
  const request = (url: string, method = 'GET') => handler(new Request(url, { method }));
  return { request, log, root };
}

describe('appProtocolHandler', () => {
  it('serves the page with its CSP header and its type', async () => {
    const { request } = serve();
    const response = await request('app://cratekeeper/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Cratekeeper</title>');
  });

  it('serves scripts and images with their types, without a CSP of their own', async () => {
    const { request } = serve();
    const script = await request('app://cratekeeper/assets/index-abc.js');
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('Content-Security-Policy')).toBeNull();
    expect(await script.text()).toBe('console.log(1)');
    const icon = await request('app://cratekeeper/icon.svg');
    expect(icon.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(icon.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('answers 404 for files that do not exist and for folders', async () => {
    const { request } = serve();
    expect((await request('app://cratekeeper/missing.js')).status).toBe(404);
    expect((await request('app://cratekeeper/assets/missing/x.js')).status).toBe(404);
    expect((await request('app://cratekeeper/assets')).status).toBe(404);
  });

  it('never reads the file beside the build folder', async () => {
    const read = vi.fn((path: string) =>
      import('node:fs/promises').then((fs) => fs.readFile(path)),
    );
    const { request, root } = serve(read);
    for (const url of [
      'app://cratekeeper/../secret.txt',
      'app://cratekeeper/%2e%2e/secret.txt',
      'app://cratekeeper/..%2fsecret.txt',
      'app://cratekeeper/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    ]) {
      const response = await request(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('not for the page');
    }
    // Dot segments the URL parser resolves stop at the root (`/../x` is `/x`).
    for (const [path] of read.mock.calls) expect(path.startsWith(root + sep)).toBe(true);
  });

  it('answers only our host', async () => {
    const { request } = serve();
    expect((await request('app://other/index.html')).status).toBe(404);
    expect((await request('app://cratekeeper:1/index.html')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const { request } = serve();
    const head = await request('app://cratekeeper/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await request('app://cratekeeper/index.html', 'POST')).status).toBe(405);
  });

  it('answers 500 and logs when a file cannot be read', async () => {
    const { request, log } = serve(() =>
      Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
    );
    const response = await request('app://cratekeeper/index.html');
    expect(response.status).toBe(500);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('app://cratekeeper/index.html'));
  });
});
