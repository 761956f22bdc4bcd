import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded';
import VisibilityOffOutlined from '@mui/icons-material/VisibilityOffOutlined';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { useId, type ReactNode } from 'react';
import type { TokenView } from '../../../shared/domain/token';
import { MONO_FONT } from '../../components/fonts';
import { useNotice } from '../../components/notice';
import { MASK } from '../tokens/reveal-secret-dialog';
import { githubActionsStepOf, publishCommandOf, tokenEnvVarOf } from './cargo-env';
import { useRevealedSecret } from '../tokens/use-revealed-secret';

const CODE_SX = { fontFamily: MONO_FONT, fontSize: '0.85em' } as const;

/**
 * How to use the new token in CI, as crates.io says after creating one: the
 * environment variable cargo reads, a shell line with the secret (masked
 * until the user presses Reveal) and a GitHub Actions step that takes it
 * from a repository secret. The step holds no secret, so it is copied here;
 * the secret itself is copied by the panel's Copy, which clears the clipboard.
 */
export function CiUsageHelp({ token }: { token: Pick<TokenView, 'key' | 'registryName'> }) {
  const headingId = useId();
  const notify = useNotice();
  const revealed = useRevealedSecret(token);
  const variable = tokenEnvVarOf(token.registryName);
  const step = githubActionsStepOf(token.registryName);

  const copyText = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      notify(`Copied ${what}.`);
    } catch {
      notify(`Could not copy ${what}: select it and copy it by hand.`);
    }
  };

  return (
    <Stack component="section" aria-labelledby={headingId} spacing={1.25}>
      <Typography id={headingId} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
        Use it in CI
      </Typography>
      <Typography variant="body2">
        cargo reads the token from the environment variable{' '}
        <Box component="code" sx={CODE_SX}>
          {variable}
        </Box>{' '}
        before any file, so a CI job needs no credentials file:
      </Typography>
      <Snippet
        label="Shell command"
        text={`${variable}=${revealed.secret ?? MASK} ${publishCommandOf(token.registryName)}`}
        description={
          revealed.secret === null
            ? 'The secret is hidden. Press Reveal to show it.'
            : 'The secret is shown. Press Hide to hide it.'
        }
      >
        <Button
          size="small"
          variant="text"
          startIcon={revealed.secret === null ? <VisibilityOutlined /> : <VisibilityOffOutlined />}
          loading={revealed.pending}
          loadingPosition="start"
          aria-label={
            revealed.secret === null
              ? 'Reveal the secret in the command'
              : 'Hide the secret in the command'
          }
          onClick={() => {
            if (revealed.secret === null) void revealed.reveal();
            else revealed.hide();
          }}
        >
          {revealed.secret === null ? 'Reveal' : 'Hide'}
        </Button>
      </Snippet>
      {revealed.error !== null && (
        <Alert severity="error" variant="outlined">
          {revealed.error}
        </Alert>
      )}
      <Typography variant="body2">
        In GitHub Actions, store the secret in the repository as{' '}
        <Box component="code" sx={CODE_SX}>
          {variable}
        </Box>{' '}
        (Settings › Secrets and variables › Actions; Copy above puts it on the clipboard), then
        publish with this step:
      </Typography>
      <Snippet label="GitHub Actions step" text={step}>
        <Button
          size="small"
          variant="text"
          startIcon={<ContentCopyRounded />}
          aria-label="Copy the GitHub Actions step"
          onClick={() => {
            void copyText(step, 'the GitHub Actions step');
          }}
        >
          Copy
        </Button>
      </Snippet>
    </Stack>
  );
}

/** A block of code under a bar with its name and its button, as code blocks on the web are. */
function Snippet({
  label,
  text,
  description,
  children,
}: {
  label: string;
  text: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Box
      sx={(theme) => ({
        border: `1px solid ${theme.palette.divider}`,
        borderRadius: 1,
        overflow: 'hidden',
      })}
    >
      <Box
        sx={(theme) => ({
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 1,
          pl: 1.5,
          pr: 0.75,
          py: 0.5,
          borderBottom: `1px solid ${theme.palette.divider}`,
        })}
      >
        <Typography variant="caption" sx={{ color: 'text.secondary', fontWeight: 600 }}>
          {label}
        </Typography>
        {children}
      </Box>
      <Box
        component="pre"
        role="group"
        aria-label={label}
        aria-description={description}
        sx={(theme) => ({
          m: 0,
          px: 1.5,
          py: 1,
          fontFamily: MONO_FONT,
          fontSize: 12.5,
          lineHeight: 1.6,
          // Wrapped rather than scrolled: nothing in it needs a scroll bar to be read.
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          backgroundColor: theme.palette.action.hover,
        })}
      >
        {text}
      </Box>
    </Box>
  );
}
