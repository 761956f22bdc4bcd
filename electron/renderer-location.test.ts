import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isOwnRendererUrl, rendererLocation, rendererOrigin } from './renderer-location';

const buildDir = resolve('/opt/Cratekeeper/resources/app.asar/.vite/build');
const rendererRoot = resolve(buildDir, '../renderer/main_window');
const indexPath = join(rendererRoot, 'index.html');

describe('rendererLocation', () => {
  it('uses the dev server while Forge serves the renderer', () => {
    expect(rendererLocation('http://localhost:5173', buildDir, 'main_window')).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173',
    });
  });

  it('serves the build folder beside the main bundle as app://cratekeeper/ otherwise', () => {
    const location = rendererLocation(undefined, buildDir, 'main_window');
    expect(location).toEqual({
      kind: 'app-protocol',
      root: rendererRoot,
      url: 'app://cratekeeper/index.html',
    });
  });
});

describe('rendererOrigin', () => {
  it('is app://cratekeeper for the built page and the dev server origin in development', () => {
    expect(rendererOrigin(rendererLocation(undefined, buildDir, 'main_window'))).toBe(
      'app://cratekeeper',
    );
    expect(rendererOrigin(rendererLocation('http://localhost:5173/', buildDir, 'x'))).toBe(
      'http://localhost:5173',
    );
  });
});

describe('isOwnRendererUrl', () => {
  const built = rendererLocation(undefined, buildDir, 'main_window');
  const dev = rendererLocation('http://localhost:5173', buildDir, 'main_window');

  it('accepts app://cratekeeper/index.html with any hash or query', () => {
    expect(isOwnRendererUrl(built, 'app://cratekeeper/index.html')).toBe(true);
    expect(isOwnRendererUrl(built, 'app://cratekeeper/index.html#/tokens')).toBe(true);
    expect(isOwnRendererUrl(built, 'app://cratekeeper/index.html?tab=1')).toBe(true);
  });

  it('no longer accepts any file:// URL, not even our own index.html', () => {
    expect(isOwnRendererUrl(built, pathToFileURL(indexPath).href)).toBe(false);
    expect(isOwnRendererUrl(built, pathToFileURL('/etc/passwd').href)).toBe(false);
  });

  it('refuses other hosts, ports, credentials and paths of the app scheme', () => {
    expect(isOwnRendererUrl(built, 'app://evil/index.html')).toBe(false);
    expect(isOwnRendererUrl(built, 'app://cratekeeper.evil/index.html')).toBe(false);
    expect(isOwnRendererUrl(built, 'app://cratekeeper:8080/index.html')).toBe(false);
    expect(isOwnRendererUrl(built, 'app://user:pw@cratekeeper/index.html')).toBe(false);
    expect(isOwnRendererUrl(built, 'app://cratekeeper/assets/index.js')).toBe(false);
    expect(isOwnRendererUrl(built, 'app://cratekeeper/other.html')).toBe(false);
  });

  it('refuses other schemes and garbage', () => {
    expect(isOwnRendererUrl(built, 'https://cratekeeper/index.html')).toBe(false);
    expect(isOwnRendererUrl(built, 'https://crates.io/')).toBe(false);
    expect(isOwnRendererUrl(built, 'about:blank')).toBe(false);
    expect(isOwnRendererUrl(built, 'not a url')).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    expect(isOwnRendererUrl(dev, 'http://localhost:5173/')).toBe(true);
    expect(isOwnRendererUrl(dev, 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isOwnRendererUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isOwnRendererUrl(dev, 'https://localhost:5173/')).toBe(false);
    expect(isOwnRendererUrl(dev, 'app://cratekeeper/index.html')).toBe(false);
    expect(isOwnRendererUrl(dev, pathToFileURL(indexPath).href)).toBe(false);
  });
});
