import Button from '@mui/material/Button';
import PersonAddAlt1Rounded from '@mui/icons-material/PersonAddAlt1Rounded';
import PersonOffRounded from '@mui/icons-material/PersonOffRounded';
import type { ReactNode } from 'react';
import { StateMessage } from '../../components/state-message';

/**
 * A page that lists what signed-in accounts have, when none is signed in (or
 * the Accounts page, when there is none at all): what it would show, and Add
 * account.
 */
export function NoAccountMessage({
  title = 'No account signed in',
  onAddAccount,
  children,
}: {
  readonly title?: string;
  readonly onAddAccount: () => void;
  /** What the page lists once an account is signed in. */
  readonly children: ReactNode;
}) {
  return (
    <StateMessage
      icon={<PersonOffRounded />}
      title={title}
      actions={
        <Button variant="contained" startIcon={<PersonAddAlt1Rounded />} onClick={onAddAccount}>
          Add account
        </Button>
      }
    >
      {children}
    </StateMessage>
  );
}
