import AddCircleOutlineRounded from '@mui/icons-material/AddCircleOutlineRounded';
import Inventory2Rounded from '@mui/icons-material/Inventory2Rounded';
import KeyRounded from '@mui/icons-material/KeyRounded';
import PeopleAltRounded from '@mui/icons-material/PeopleAltRounded';
import SettingsRounded from '@mui/icons-material/SettingsRounded';
import type { ComponentType, ReactNode } from 'react';
import { lazyComponent } from '../components/lazy-component';
import { preloadable } from '../components/preloadable';
import { NEW_TOKEN_SECTION_ID } from '../features/new-token/new-token-route';
import { TokensPage } from '../features/tokens/tokens-page';

/** A place in the side navigation and the page it shows. */
export interface Section {
  readonly id: string;
  readonly label: string;
  readonly icon: ReactNode;
  /** May suspend while its code loads: render it inside a `<Suspense>`. */
  readonly Page: ComponentType;
  /** Loads a lazy page's code ahead of a visit; absent for pages in the main bundle. */
  readonly preload?: () => void;
}

// The first screen is the token list; the builder (with the date pickers) and
// the Accounts page are loaded on demand, keeping them out of the boot bundle.
const newTokenPage = preloadable(() =>
  import('../features/new-token/new-token-page').then((module) => module.NewTokenPage),
);
const accountsPage = preloadable(() =>
  import('../features/accounts/accounts-page').then((module) => module.AccountsPage),
);
const cratesPage = preloadable(() =>
  import('../features/crates/crates-page').then((module) => module.CratesPage),
);
const settingsPage = preloadable(() =>
  import('../features/settings/settings-page').then((module) => module.SettingsPage),
);

/** The app's sections, in navigation order. */
export const SECTIONS: readonly [Section, ...Section[]] = [
  { id: 'tokens', label: 'Tokens', icon: <KeyRounded />, Page: TokensPage },
  {
    id: 'crates',
    label: 'Crates',
    icon: <Inventory2Rounded />,
    Page: lazyComponent(cratesPage),
    preload: cratesPage.preload,
  },
  {
    id: NEW_TOKEN_SECTION_ID,
    label: 'New token',
    icon: <AddCircleOutlineRounded />,
    Page: lazyComponent(newTokenPage),
    preload: newTokenPage.preload,
  },
  {
    id: 'accounts',
    label: 'Accounts',
    icon: <PeopleAltRounded />,
    Page: lazyComponent(accountsPage),
    preload: accountsPage.preload,
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: <SettingsRounded />,
    Page: lazyComponent(settingsPage),
    preload: settingsPage.preload,
  },
];
