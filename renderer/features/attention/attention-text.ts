import type { AttentionItem, AttentionSummary } from '../../../shared/domain/attention';

/** Items the banner shows at once; the rest sit behind "and N more". */
export const BANNER_ITEMS = 3;

/**
 * The banner's items: tokens only. A signed-out account is already said, with
 * its "Sign in again", right above the list (SignedOutAccounts).
 */
export function bannerItemsOf(items: readonly AttentionItem[]): readonly AttentionItem[] {
  return items.filter((item) => item.reason !== 'signed-out');
}

/** The banner's heading: how many tokens need the user, and the worst of it. */
export function attentionTitle({ broken, expiring }: AttentionSummary['tokenCounts']): string {
  const count = (n: number) => (n === 1 ? '1 token' : `${String(n)} tokens`);
  if (broken === 0) return `${count(expiring)} ${expiring === 1 ? 'expires' : 'expire'} soon`;
  const needs = `${count(broken)} ${broken === 1 ? 'needs' : 'need'} action now`;
  return expiring === 0
    ? needs
    : `${needs}, ${String(expiring)} more ${expiring === 1 ? 'expires' : 'expire'} soon`;
}

/** Whether an item's own tone is the alert one (broken) or the warning one (expiring). */
export function isAlertItem(item: AttentionItem): boolean {
  return item.reason !== 'expiring';
}
