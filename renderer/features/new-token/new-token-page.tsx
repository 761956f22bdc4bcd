import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import PersonOffRounded from '@mui/icons-material/PersonOffRounded';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { useState } from 'react';
import type { TokenView } from '../../../shared/domain/token';
import { StateMessage } from '../../components/state-message';
import { useAccounts } from '../accounts/accounts-context';
import { CreatedPanel } from './created-panel';
import { emptyForm } from './new-token-form';
import { NewTokenBuilder } from './new-token-builder';
import { finishNewToken as finish, useNewTokenRoute } from './new-token-route';
import { prefillFromRequest, prefillFromToken } from './prefill';

/**
 * The New token page: the builder, blank or prefilled from a token being
 * regenerated, then the outcome once the registry made the token.
 */
export function NewTokenPage() {
  const { source, prefill, requestId } = useNewTokenRoute();
  const { signedIn, byId, status } = useAccounts();
  const [created, setCreated] = useState<TokenView | null>(null);
  const regenerating = source !== null && created === null;

  let content;
  if (created !== null) {
    content = (
      <CreatedPanel
        token={created}
        account={created.accountId === null ? undefined : byId.get(created.accountId)}
        onDone={finish}
      />
    );
  } else if (status === 'loading') {
    content = <LinearProgress aria-label="Loading accounts" sx={{ maxWidth: 420 }} />;
  } else if (signedIn.length === 0) {
    content = (
      <StateMessage
        icon={<PersonOffRounded />}
        title="No account signed in"
        actions={<Button onClick={finish}>Back to tokens</Button>}
      >
        A token is created with a signed-in account. Sign in on the Accounts page, then come back.
      </StateMessage>
    );
  } else {
    const first = signedIn[0]?.id ?? '';
    let prefilled = emptyForm(first);
    if (source !== null) prefilled = prefillFromToken(source, first);
    else if (prefill !== null) prefilled = prefillFromRequest(prefill);
    const initial = signedIn.some((account) => account.id === prefilled.accountId)
      ? prefilled
      : { ...prefilled, accountId: first };
    content = (
      <>
        {prefill !== null && (
          <Alert severity="info" variant="outlined" sx={{ mb: 3, maxWidth: 760 }}>
            Filled in for what cargo asked and no token of yours covered. Choose an expiry and
            create it; cargo gets it the next time it asks.
          </Alert>
        )}
        <NewTokenBuilder
          key={requestId}
          accounts={signedIn}
          initial={initial}
          source={source}
          onCreated={setCreated}
          onCancel={finish}
        />
      </>
    );
  }

  return (
    <LocalizationProvider dateAdapter={AdapterDateFns}>
      <Box sx={{ flex: 1, minHeight: 0, overflowY: 'auto', p: 3 }}>
        <Typography variant="h5" component="h1" sx={{ mb: 0.5 }}>
          {regenerating ? 'Regenerate token' : 'New token'}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 3, maxWidth: 760 }}>
          Give the token only the scopes and crates its job needs, and an expiry. Patterns are
          checked with the registry&apos;s own rules as you type.
        </Typography>
        {content}
      </Box>
    </LocalizationProvider>
  );
}
