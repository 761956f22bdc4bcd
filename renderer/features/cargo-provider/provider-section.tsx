import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ProviderStatus } from '../../../shared/domain/cargo-provider';
import { useCall } from '../../api/use-call';
import { useEvent } from '../../api/use-event';
import { SettingsSection } from '../settings/settings-section';
import { ProviderAudit } from './provider-audit';
import { ProviderConnection } from './provider-connection';
import { ProviderPolicies } from './provider-policies';

/** The section's title; also the feature's name in the product brief. */
export const PROVIDER_SECTION_TITLE = 'cargo asks Cratekeeper';

/**
 * Settings' "cargo asks Cratekeeper": connect cargo to the app's credential
 * provider, each registry's policy, and the requests cargo made. Changes here
 * take effect at once; they are not part of the settings form's Save.
 */
export function CargoProviderSection() {
  const call = useCall('provider:status', {});
  // The newest status: the call's answer, an action's answer or a pushed change, whichever came last.
  const [latest, setLatest] = useState<ProviderStatus | undefined>(call.value);
  const [answered, setAnswered] = useState(call.value);
  if (call.value !== answered) {
    setAnswered(call.value);
    setLatest(call.value);
  }
  useEvent('provider:changed', setLatest);

  let body;
  if (latest !== undefined) {
    body = (
      <>
        <ProviderConnection status={latest} onStatus={setLatest} onReload={call.reload} />
        <ProviderPolicies status={latest} onStatus={setLatest} />
        <ProviderAudit />
      </>
    );
  } else if (call.status === 'error') {
    body = (
      <Alert
        severity="error"
        variant="outlined"
        action={
          <Button color="inherit" size="small" onClick={call.reload}>
            Retry
          </Button>
        }
      >
        Whether cargo is connected could not be read: {call.error.message}
      </Alert>
    );
  } else {
    body = <LinearProgress aria-label="Loading cargo's connection" />;
  }

  return (
    <SettingsSection title={PROVIDER_SECTION_TITLE}>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: -0.5 }}>
        cargo asks Cratekeeper for a token each time it publishes, yanks or changes owners, and gets
        the narrowest token that covers that operation on that crate, so no plaintext token needs to
        sit in credentials.toml.
      </Typography>
      {body}
    </SettingsSection>
  );
}
