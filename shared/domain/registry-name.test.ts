import { describe, expect, it } from 'vitest';
import { registryNameProblem, registryNamingProblem } from './registry-name';

describe('registryNameProblem: cargo 1.95 accepts and refuses the same names', () => {
  // Each verdict was checked with `cargo logout --registry NAME` in a throw-away CARGO_HOME.
  it.each(['good-name', '_x', 'é-ok', 'crates-io', 'a_b-1', 'Sim2'])('accepts %s', (name) => {
    expect(registryNameProblem(name)).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['1abc', 'cannot start with a digit'],
    ['a b', '" "'],
    ['a.b', '"."'],
    ['a]', '"]"'],
    ['-a', 'first character'],
    ['[registries.evil]\ntoken = "x"', 'first character'],
    ['ok\ntoken', '"\n"'],
  ])('refuses %j (%s)', (name, why) => {
    expect(registryNameProblem(name)).toContain(why);
  });

  it('refuses a name longer than 64 characters, however long, without scanning it all first', () => {
    expect(registryNameProblem('a'.repeat(65))).toContain('longer than 64');
    expect(registryNameProblem('a'.repeat(10 * 1024 * 1024))).toContain('longer than 64');
    expect(registryNameProblem('a'.repeat(64))).toBeNull();
  });
});

describe('registryNamingProblem', () => {
  it('keeps crates-io for crates.io alone', () => {
    expect(registryNamingProblem('crates-io', 'https://crates.io')).toBeNull();
    expect(registryNamingProblem('crates-io', 'https://evil.example')).toContain('crates.io');
    expect(registryNamingProblem('mine', 'https://crates.io')).toContain('"crates-io"');
    expect(registryNamingProblem('sim', 'http://127.0.0.1:8888')).toBeNull();
  });
});
