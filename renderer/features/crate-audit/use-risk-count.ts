import { useEffect, useRef } from 'react';
import { useInvoke } from '../../api/invoke-safely';
import { useEvent } from '../../api/use-event';
import { whenIdle } from '../../components/when-idle';
import { NEW_TOKEN_SECTION_ID } from '../new-token/new-token-route';
import {
  CRATES_SECTION_ID,
  markRiskCountStale,
  publishRiskCount,
  useRiskCountState,
} from './risk-count-store';

/** After an audit could not read tokens or crates: tries left, and the wait before each. */
const FAILED_RUN_RETRIES = 3;
const FAILED_RUN_RETRY_MS = 30_000;

/** The longest the count waits for other calls to settle and for an idle moment. */
const IDLE_OPTIONS = { maxWaitMs: 10_000, maxIdleMs: 2_000 } as const;

/** Pages where tokens are made or revoked without the audit hearing of it. */
const TOKEN_CHANGING_SECTIONS: readonly string[] = ['tokens', NEW_TOKEN_SECTION_ID];

/**
 * The number of risk findings for the Crates badge in the navigation, on
 * every page; null while unknown or when the crates could not be read (no
 * badge then).
 *
 * Audits once the first screen is idle, then again only when what it looks
 * at may have changed: an account or the vault changed, the expiry watch saw
 * a change, or the user left a page where tokens are made or revoked. On the
 * Crates page the page's own audit keeps the count (it publishes what it
 * shows), so the two never fetch the same overview at once. When tokens or
 * crates cannot be read there is no badge, and it looks again a few times.
 */
export function useRiskCount(currentSection: string): number | null {
  const { count, changes, stale } = useRiskCountState();
  const invoke = useInvoke();
  useEvent('accounts:changed', markRiskCountStale);
  useEvent('vault:changed', markRiskCountStale);
  useEvent('watch:changed', markRiskCountStale);

  const previousSection = useRef(currentSection);
  useEffect(() => {
    const left = previousSection.current;
    previousSection.current = currentSection;
    if (left !== currentSection && TOKEN_CHANGING_SECTIONS.includes(left)) markRiskCountStale();
  }, [currentSection]);

  const failedRuns = useRef(0);
  const retryTimer = useRef<number | undefined>(undefined);
  useEffect(
    () => () => {
      window.clearTimeout(retryTimer.current);
    },
    [],
  );

  const onCratesPage = currentSection === CRATES_SECTION_ID;
  useEffect(() => {
    if (!stale || onCratesPage) return;
    let current = true;
    const asOf = changes;
    const cancelIdle = whenIdle(() => {
      void Promise.all([
        invoke('tokens:list', {}),
        invoke('crates:overview', {}),
        // The audit's rules load with their first use, not with the first screen.
        import('../../../shared/domain/risk-audit'),
      ]).then(([tokens, crates, { auditRisks }]) => {
        if (!current) return;
        if (!tokens.ok || !crates.ok) {
          publishRiskCount(null, asOf);
          // Unreachable or refused for now: look again a little later, a few times.
          if (failedRuns.current < FAILED_RUN_RETRIES) {
            failedRuns.current += 1;
            retryTimer.current = window.setTimeout(markRiskCountStale, FAILED_RUN_RETRY_MS);
          }
          return;
        }
        failedRuns.current = 0;
        const findings = auditRisks({
          tokens: tokens.value.tokens,
          crates: crates.value.crates,
          now: new Date(),
        });
        publishRiskCount(findings.length, asOf);
      });
    }, IDLE_OPTIONS);
    return () => {
      current = false;
      cancelIdle();
    };
  }, [stale, changes, onCratesPage, invoke]);

  return count;
}
