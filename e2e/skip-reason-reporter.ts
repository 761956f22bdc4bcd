import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Playwright's list reporter marks a skipped test with a dash but does not
 * say why. A skip must always carry its reason in the output (the Electron
 * spec is skipped where no Electron binary can be had), so this prints it.
 */
export default class SkipReasonReporter implements Reporter {
  private readonly reasons = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason =
      test.annotations.find((annotation) => annotation.type === 'skip')?.description ??
      'no reason given';
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  onEnd(): void {
    for (const [reason, count] of this.reasons) {
      console.log(`  skipped ${count}: ${reason}`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
