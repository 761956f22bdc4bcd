import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';

/**
 * Under the crate patterns when the account's crates could not be loaded:
 * the patterns still work, but what they match cannot be shown (issue 13:
 * the matches used to drop without a word).
 */
export function CratesUnavailableNote({
  message,
  onRetry,
}: {
  /** Why, from the core; null when the crates loaded (or are loading). */
  message: string | null;
  onRetry: () => void;
}) {
  if (message === null) return null;
  return (
    <Alert
      severity="info"
      variant="outlined"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      Your crates could not be loaded, so the patterns are not shown against them. {message}
    </Alert>
  );
}
