import AddCircleOutlineRounded from '@mui/icons-material/AddCircleOutlineRounded';
import KeyRounded from '@mui/icons-material/KeyRounded';
import PeopleAltRounded from '@mui/icons-material/PeopleAltRounded';
import type { ComponentType, ReactNode } from 'react';
import { AccountsPage } from '../features/accounts/accounts-page';
import { NewTokenPage } from '../features/new-token/new-token-page';
import { NEW_TOKEN_SECTION_ID } from '../features/new-token/new-token-route';
import { TokensPage } from '../features/tokens/tokens-page';

/** A place in the side navigation and the page it shows. */
export interface Section {
  readonly id: string;
  readonly label: string;
  readonly icon: ReactNode;
  readonly Page: ComponentType;
}

/**
 * The app's sections, in navigation order. "Settings" joins here as its
 * feature lands; none is listed before it works.
 */
export const SECTIONS: readonly [Section, ...Section[]] = [
  { id: 'tokens', label: 'Tokens', icon: <KeyRounded />, Page: TokensPage },
  {
    id: NEW_TOKEN_SECTION_ID,
    label: 'New token',
    icon: <AddCircleOutlineRounded />,
    Page: NewTokenPage,
  },
  { id: 'accounts', label: 'Accounts', icon: <PeopleAltRounded />, Page: AccountsPage },
];
