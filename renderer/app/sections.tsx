import KeyRounded from '@mui/icons-material/KeyRounded';
import type { ComponentType, ReactNode } from 'react';
import { TokensPage } from '../features/tokens/tokens-page';

/** A place in the side navigation and the page it shows. */
export interface Section {
  readonly id: string;
  readonly label: string;
  readonly icon: ReactNode;
  readonly Page: ComponentType;
}

/**
 * The app's sections, in navigation order. "New token", "Accounts" and
 * "Settings" join here as their features land; none is listed before it works.
 */
export const SECTIONS: readonly [Section, ...Section[]] = [
  { id: 'tokens', label: 'Tokens', icon: <KeyRounded />, Page: TokensPage },
];
