import { useEvent } from '../../api/use-event';
import { openNewToken, openNewTokenFor } from '../new-token/new-token-route';
import { focusToken, showOnlyTokens } from './token-focus';

/** The side navigation's ids the `app:navigate` event may name. */
const SECTION_OF = { tokens: 'tokens', settings: 'settings' } as const;

/**
 * Follows `app:navigate` (a clicked notification or tray item): opens the
 * page, and on the Tokens page shows the token or tokens it names. A
 * component rather than a hook: it must sit below the app's ApiProvider.
 */
export function AppNavigation({ onNavigate }: { onNavigate: (sectionId: string) => void }): null {
  useEvent('app:navigate', (navigation) => {
    if (navigation.to === 'builder') {
      // The New token page, filled in for what cargo asked (it navigates there itself).
      if (navigation.builder === undefined) openNewToken();
      else openNewTokenFor(navigation.builder);
      return;
    }
    onNavigate(SECTION_OF[navigation.to]);
    if (navigation.to !== 'tokens') return;
    if (navigation.tokenKey !== undefined) focusToken(navigation.tokenKey);
    else if (navigation.tokenKeys !== undefined) showOnlyTokens(navigation.tokenKeys);
  });
  return null;
}
