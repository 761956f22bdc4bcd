import { describe, expect, it } from 'vitest';
import { hostedRepositoryOf } from './repository-url';

describe('hostedRepositoryOf', () => {
  it('reads a GitHub repository, with .git, a slash or a deeper path', () => {
    const quill = { host: 'github', owner: 'ferris', name: 'quill' };
    expect(hostedRepositoryOf('https://github.com/ferris/quill')).toEqual(quill);
    expect(hostedRepositoryOf('https://github.com/ferris/quill.git')).toEqual(quill);
    expect(hostedRepositoryOf('https://www.github.com/ferris/quill/')).toEqual(quill);
    expect(hostedRepositoryOf('https://github.com/ferris/quill/tree/main/quill_derive')).toEqual(
      quill,
    );
  });

  it('reads a GitLab project in nested groups, without its own pages', () => {
    expect(hostedRepositoryOf('https://gitlab.com/ferris/tools/ferrous-log/-/tree/main')).toEqual({
      host: 'gitlab',
      owner: 'ferris/tools',
      name: 'ferrous-log',
    });
  });

  it('knows nothing of other hosts, incomplete paths or non-URLs', () => {
    expect(hostedRepositoryOf(null)).toBeNull();
    expect(hostedRepositoryOf('https://codeberg.org/ferris/quill')).toBeNull();
    expect(hostedRepositoryOf('https://github.com/ferris')).toBeNull();
    expect(hostedRepositoryOf('https://gitlab.com/ferris')).toBeNull();
    expect(hostedRepositoryOf('not a url')).toBeNull();
    expect(hostedRepositoryOf('ftp://github.com/ferris/quill')).toBeNull();
  });
});
