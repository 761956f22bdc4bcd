import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded';
import CloudOffRounded from '@mui/icons-material/CloudOffRounded';
import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded';
import { useId } from 'react';
import type { Account } from '../../../shared/domain/account';
import { MONO_FONT } from '../../components/fonts';
import { toneColors } from '../../components/tone';
import { accountStatusLabel, accountWhere, cargoNameHint, registryHost } from './account-label';
import { AccountAvatar } from './account-avatar';
import { useAccountTrouble } from './account-reachability';

export interface AccountCardProps {
  readonly account: Account;
  readonly onSignInAgain: (account: Account) => void;
  readonly onSignOut: (account: Account) => void;
  readonly onRemove: (account: Account) => void;
}

/**
 * One account on the Accounts page: who, on which registry, whether its
 * session is alive, and what can be done. Buttons name the account in their
 * accessible names, since every card has the same ones.
 */
export function AccountCard({ account, onSignInAgain, onSignOut, onRemove }: AccountCardProps) {
  const nameId = useId();
  const where = accountWhere(account);
  const signedIn = account.status === 'signed-in';
  return (
    <Box
      component="li"
      aria-labelledby={nameId}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 2,
        px: 2,
        py: 1.5,
        '&:not(:last-of-type)': { borderBottom: 1, borderColor: 'divider' },
      }}
    >
      <AccountAvatar account={account} size={40} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography id={nameId} variant="subtitle2" component="h3" noWrap sx={{ fontWeight: 650 }}>
          {account.displayName ?? account.login}
          {account.displayName !== null && ' '}
          {account.displayName !== null && (
            <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 0.5 }}>
              {account.login}
            </Typography>
          )}
        </Typography>
        <Typography variant="body2" noWrap sx={{ color: 'text.secondary' }}>
          {registryHost(account)}
          <Box component="span" aria-hidden sx={{ mx: 0.75 }}>
            ·
          </Box>
          {/* A bare "sim" beside the host meant nothing to a newcomer: say what the name is for. */}
          <Box component="span" title={cargoNameHint(account.registry.name)}>
            known to cargo as{' '}
            <Box component="span" sx={{ fontFamily: MONO_FONT, fontSize: '0.75rem' }}>
              {account.registry.name}
            </Box>
          </Box>
        </Typography>
      </Box>
      <StatusChip account={account} />
      <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
        {signedIn ? (
          <Button
            variant="outlined"
            size="small"
            aria-label={`Sign out ${where}`}
            onClick={() => {
              onSignOut(account);
            }}
          >
            Sign out
          </Button>
        ) : (
          <Button
            variant="contained"
            size="small"
            aria-label={`Sign in again as ${where}`}
            onClick={() => {
              onSignInAgain(account);
            }}
          >
            Sign in again
          </Button>
        )}
        <Button
          size="small"
          color="error"
          aria-label={`Remove ${where}`}
          onClick={() => {
            onRemove(account);
          }}
        >
          Remove
        </Button>
      </Stack>
    </Box>
  );
}

function StatusChip({ account }: { account: Account }) {
  const theme = useTheme();
  const { label, needsAction, trouble } = accountStatusLabel(
    account,
    useAccountTrouble(account.id),
  );
  const tone = needsAction ? 'warning' : trouble === undefined ? 'success' : 'caution';
  const colors = toneColors(tone, theme.palette.mode);
  return (
    <Box
      component="span"
      title={trouble}
      aria-description={trouble}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        flexShrink: 0,
        height: 24,
        px: 1,
        borderRadius: 12,
        border: 1,
        fontSize: '0.75rem',
        fontWeight: 650,
        whiteSpace: 'nowrap',
        color: colors.text,
        bgcolor: colors.background,
        borderColor: colors.border,
        '& svg': { fontSize: 15 },
      }}
    >
      {needsAction && <ErrorOutlineRounded aria-hidden />}
      {!needsAction && trouble !== undefined && <CloudOffRounded aria-hidden />}
      {!needsAction && trouble === undefined && <CheckCircleRounded aria-hidden />}
      {label}
    </Box>
  );
}
