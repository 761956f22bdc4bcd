import { describe, expect, it } from 'vitest';
import { mimeTypeFor } from './mime-types';

describe('mimeTypeFor', () => {
  it('knows what a Vite build emits, whatever the case of the extension', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('index-AbC_12-x.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('ICON.SVG')).toBe('image/svg+xml');
  });

  it('has no type for unknown extensions, dotfiles, bare names or Object.prototype keys', () => {
    expect(mimeTypeFor('main.js.map')).toBeNull();
    expect(mimeTypeFor('.htaccess')).toBeNull();
    expect(mimeTypeFor('README')).toBeNull();
    expect(mimeTypeFor('x.constructor')).toBeNull();
    expect(mimeTypeFor('x.__proto__')).toBeNull();
  });
});
