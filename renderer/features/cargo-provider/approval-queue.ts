import type { ApprovalRequest } from '../../../shared/domain/cargo-provider';

/**
 * The approvals waiting for the user, oldest first: the dialog asks about the
 * first. A request heard twice (the event and the start-up list) is kept once.
 */
export function withApproval(
  queue: readonly ApprovalRequest[],
  request: ApprovalRequest,
): readonly ApprovalRequest[] {
  return queue.some((waiting) => waiting.id === request.id) ? queue : [...queue, request];
}

/** The queue without one request (answered, here or elsewhere). */
export function withoutApproval(
  queue: readonly ApprovalRequest[],
  id: string,
): readonly ApprovalRequest[] {
  return queue.some((waiting) => waiting.id === id)
    ? queue.filter((waiting) => waiting.id !== id)
    : queue;
}

/** Splits the queue at `nowMs`: requests still waiting, and those whose deadline passed. */
export function expireApprovals(
  queue: readonly ApprovalRequest[],
  nowMs: number,
): { readonly waiting: readonly ApprovalRequest[]; readonly expired: readonly ApprovalRequest[] } {
  const expired = queue.filter((request) => !(Date.parse(request.deadline) > nowMs));
  if (expired.length === 0) return { waiting: queue, expired };
  return { waiting: queue.filter((request) => Date.parse(request.deadline) > nowMs), expired };
}
