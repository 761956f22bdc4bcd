import { expect } from 'vitest';
import { TomlSyntaxError } from '../credentials-edit';

/** Asserts that `edit` refuses a malformed file with the parser's line and column and the file's path. */
export function expectTomlSyntaxError(edit: () => unknown, file: string): void {
  let thrown: unknown;
  try {
    edit();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(TomlSyntaxError);
  const error = thrown as TomlSyntaxError;
  expect(error.line).toBeGreaterThan(0);
  expect(error.column).toBeGreaterThan(0);
  expect(error.message).toContain(`line ${error.line}, column ${error.column}`);
  expect(error.message).toContain(file);
}
