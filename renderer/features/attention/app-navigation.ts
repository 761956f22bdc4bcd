import { useEvent } from '../../api/use-event';
import { focusToken, showOnlyTokens } from './token-focus';

/** The side navigation's ids the `app:navigate` event may name. */
// The builder lives on the Tokens page (its New token dialog); opening it
// filled in is the credential provider's part (issue: credential provider).
const SECTION_OF = { tokens: 'tokens', settings: 'settings', builder: 'tokens' } as const;

/**
 * Follows `app:navigate` (a clicked notification or tray item): opens the
 * page, and on the Tokens page shows the token or tokens it names. A
 * component rather than a hook: it must sit below the app's ApiProvider.
 */
export function AppNavigation({ onNavigate }: { onNavigate: (sectionId: string) => void }): null {
  useEvent('app:navigate', (navigation) => {
    onNavigate(SECTION_OF[navigation.to]);
    if (navigation.to !== 'tokens') return;
    if (navigation.tokenKey !== undefined) focusToken(navigation.tokenKey);
    else if (navigation.tokenKeys !== undefined) showOnlyTokens(navigation.tokenKeys);
  });
  return null;
}
