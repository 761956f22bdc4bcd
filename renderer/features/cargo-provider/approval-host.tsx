import { useEffect, useState } from 'react';
import type { ApprovalRequest } from '../../../shared/domain/cargo-provider';
import { useInvoke } from '../../api/invoke-safely';
import { useEvent } from '../../api/use-event';
import { lazyOverlay } from '../../components/lazy-overlay';
import { useNotice } from '../../components/notice';
import { preloadable } from '../../components/preloadable';
import { expireApprovals, withApproval, withoutApproval } from './approval-queue';
import type { ApprovalDialogProps } from './approval-dialog';

// The dialog's code loads when idle or with the first request: none shows at start.
const ApprovalDialog = lazyOverlay(
  preloadable(() => import('./approval-dialog').then((module) => module.ApprovalDialog)),
  (props: ApprovalDialogProps) => props.request !== null,
);

/**
 * "Ask me before each publish", on whatever page is open: asks about each
 * waiting request in turn (those that arrived before the window opened too),
 * and lets a request go when its deadline passes (the core has refused it).
 * Needs the ApiProvider and NoticeProvider above it.
 */
export function ApprovalHost() {
  const invoke = useInvoke();
  const notify = useNotice();
  const [queue, setQueue] = useState<readonly ApprovalRequest[]>([]);

  useEffect(() => {
    let current = true;
    void invoke('provider:pending-approvals', {}).then((answer) => {
      // Not built or not answering: nothing waits that this window could answer.
      if (!current || !answer.ok) return;
      setQueue((previous) => answer.value.requests.reduce(withApproval, previous));
    });
    return () => {
      current = false;
    };
  }, [invoke]);
  useEvent('provider:approval-requested', (request) => {
    setQueue((previous) => withApproval(previous, request));
  });
  // Answered elsewhere (a notification's button, another window): nothing left to ask.
  useEvent('provider:answered', (entry) => {
    setQueue((previous) => withoutApproval(previous, entry.id));
  });

  // Lets go of the first request to expire, when it does.
  const nextDeadline = queue.reduce(
    (earliest, request) => Math.min(earliest, Date.parse(request.deadline) || 0),
    Number.POSITIVE_INFINITY,
  );
  useEffect(() => {
    if (!Number.isFinite(nextDeadline)) return;
    const timer = window.setTimeout(
      () => {
        setQueue((previous) => expireApprovals(previous, Date.now()).waiting);
        notify('Timed out: cargo was refused.');
      },
      Math.max(0, nextDeadline - Date.now()),
    );
    return () => {
      window.clearTimeout(timer);
    };
  }, [nextDeadline, notify]);

  return (
    <ApprovalDialog
      request={queue[0] ?? null}
      waitingAfter={Math.max(0, queue.length - 1)}
      onAnswered={(id) => {
        setQueue((previous) => withoutApproval(previous, id));
      }}
    />
  );
}
