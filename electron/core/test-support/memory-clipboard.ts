import type { Clipboard } from '../ports';

/** A clipboard in memory: the harness's and the tests' stand-in for the system one. */
export class MemoryClipboard implements Clipboard {
  text = '';

  writeText(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  }

  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }

  clear(): void {
    this.text = '';
  }
}
