import Button from '@mui/material/Button';
import AddRounded from '@mui/icons-material/AddRounded';
import { openNewToken } from './new-token-route';

/** "New token", for the token list's toolbar: opens a blank builder. */
export function NewTokenButton() {
  return (
    <Button
      variant="contained"
      startIcon={<AddRounded />}
      onClick={() => {
        openNewToken();
      }}
    >
      New token
    </Button>
  );
}
