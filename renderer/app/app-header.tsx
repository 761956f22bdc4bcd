import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import Inventory2Rounded from '@mui/icons-material/Inventory2Rounded';
import { AccountSummary } from '../features/accounts/account-summary';
import { LockButton } from '../features/vault/lock-button';

/** The window's top bar: the product, who is signed in, and Lock now for a passphrase vault. */
export function AppHeader() {
  return (
    <AppBar position="static" sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Toolbar variant="dense" sx={{ gap: 1.5, minHeight: 52 }}>
        <Box
          aria-hidden
          sx={{
            display: 'grid',
            placeItems: 'center',
            width: 30,
            height: 30,
            borderRadius: 1.5,
            bgcolor: 'primary.main',
            color: 'primary.contrastText',
          }}
        >
          <Inventory2Rounded sx={{ fontSize: 18 }} />
        </Box>
        <Typography variant="subtitle1" component="div" sx={{ fontWeight: 700, flexGrow: 1 }}>
          Cratekeeper
        </Typography>
        <AccountSummary />
        <LockButton />
      </Toolbar>
    </AppBar>
  );
}
