import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isOwnRendererUrl, rendererLocation } from './renderer-location';

const buildDir = resolve('/opt/Cratekeeper/resources/app.asar/.vite/build');
const indexPath = resolve(buildDir, '../renderer/main_window/index.html');

describe('rendererLocation', () => {
  it('uses the dev server while Forge serves the renderer', () => {
    expect(rendererLocation('http://localhost:5173', buildDir, 'main_window')).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173',
    });
  });

  it('uses the built index.html beside the main bundle otherwise', () => {
    const location = rendererLocation(undefined, buildDir, 'main_window');
    expect(location.kind).toBe('file');
    expect(location.kind === 'file' && resolve(location.path)).toBe(indexPath);
  });
});

describe('isOwnRendererUrl', () => {
  const file = rendererLocation(undefined, buildDir, 'main_window');
  const dev = rendererLocation('http://localhost:5173', buildDir, 'main_window');

  it('accepts our index.html with any hash or query', () => {
    const url = pathToFileURL(indexPath).href;
    expect(isOwnRendererUrl(file, url)).toBe(true);
    expect(isOwnRendererUrl(file, `${url}#/tokens`)).toBe(true);
    expect(isOwnRendererUrl(file, `${url}?tab=1`)).toBe(true);
  });

  it('refuses other files, other schemes and garbage', () => {
    expect(isOwnRendererUrl(file, pathToFileURL(join(buildDir, 'main.js')).href)).toBe(false);
    expect(isOwnRendererUrl(file, 'file://evil-host/share/index.html')).toBe(false);
    expect(isOwnRendererUrl(file, 'https://crates.io/')).toBe(false);
    expect(isOwnRendererUrl(file, 'about:blank')).toBe(false);
    expect(isOwnRendererUrl(file, 'not a url')).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    expect(isOwnRendererUrl(dev, 'http://localhost:5173/')).toBe(true);
    expect(isOwnRendererUrl(dev, 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isOwnRendererUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isOwnRendererUrl(dev, 'https://localhost:5173/')).toBe(false);
    expect(isOwnRendererUrl(dev, pathToFileURL(indexPath).href)).toBe(false);
  });
});
