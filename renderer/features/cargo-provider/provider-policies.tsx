import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import type {
  ProviderPolicy,
  ProviderRegistry,
  ProviderStatus,
} from '../../../shared/domain/cargo-provider';
import { useInvoke } from '../../api/invoke-safely';
import { MONO_FONT } from '../../components/fonts';
import { useNotice } from '../../components/notice';

export interface ProviderPoliciesProps {
  readonly status: ProviderStatus;
  readonly onStatus: (status: ProviderStatus) => void;
}

/** What the provider does per registry: ask before each publish, and when no token fits. */
export function ProviderPolicies({ status, onStatus }: ProviderPoliciesProps) {
  const invoke = useInvoke();
  const notify = useNotice();
  // The change on its way, shown at once.
  const [saving, setSaving] = useState<PolicyChange | null>(null);

  const change = async (registryName: string, policy: Partial<ProviderPolicy>) => {
    const pending = { registryName, policy };
    setSaving(pending);
    const answer = await invoke('provider:set-policy', { registryName, policy });
    // A later change may be on its way by now: it stays shown until its own answer.
    setSaving((current) => (current === pending ? null : current));
    if (answer.ok) onStatus(answer.value);
    else notify(`The change for ${registryName} was not saved: ${answer.error.message}`);
  };

  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 650 }}>
        Registries
      </Typography>
      {status.registries.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          No registry yet. Sign in on the Accounts page; each registry you sign in to gets its rules
          here.
        </Typography>
      ) : (
        <Stack
          component="ul"
          aria-label="Rules per registry"
          sx={{ listStyle: 'none', m: 0, p: 0, border: 1, borderColor: 'divider', borderRadius: 2 }}
        >
          {status.registries.map((registry) => (
            <RegistryPolicy
              key={registry.registryName}
              registry={registry}
              saving={saving?.registryName === registry.registryName ? saving.policy : null}
              onChange={(policy) => {
                void change(registry.registryName, policy);
              }}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

interface PolicyChange {
  readonly registryName: string;
  readonly policy: Partial<ProviderPolicy>;
}

interface RegistryPolicyProps {
  readonly registry: ProviderRegistry;
  /** The change being saved for this registry, shown meanwhile; null when none. */
  readonly saving: Partial<ProviderPolicy> | null;
  readonly onChange: (policy: Partial<ProviderPolicy>) => void;
}

function RegistryPolicy({ registry, saving, onChange }: RegistryPolicyProps) {
  const { registryName } = registry;
  // Not disabled while saving: a disabled control would lose the keyboard's focus.
  const policy = { ...registry.policy, ...saving };
  const askHintId = useId();
  return (
    <Box
      component="li"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: 'minmax(110px, 150px) minmax(300px, 1.3fr) 1fr' },
        gap: 2,
        px: 2,
        py: 1.5,
        '& + &': { borderTop: 1, borderColor: 'divider' },
      }}
    >
      <Typography
        variant="body2"
        sx={{ fontFamily: MONO_FONT, fontWeight: 600, pt: 1, wordBreak: 'break-all' }}
      >
        {registryName}
      </Typography>
      <div>
        <FormControlLabel
          label="Ask me before each publish"
          control={
            <Switch
              checked={policy.askBeforePublish}
              onChange={(event) => {
                onChange({ askBeforePublish: event.target.checked });
              }}
              slotProps={{
                input: {
                  'aria-label': `Ask me before each publish to ${registryName}`,
                  'aria-describedby': askHintId,
                },
              }}
            />
          }
        />
        <Typography
          id={askHintId}
          variant="caption"
          component="p"
          sx={{ color: 'text.secondary', ml: 5.75, mt: -0.5 }}
        >
          Yank and owner changes too. No answer in 60 s: cargo is refused.
        </Typography>
      </div>
      <div>
        <Typography variant="body2" sx={{ color: 'text.secondary', pt: 0.75, mb: 0.25 }}>
          When no token fits
        </Typography>
        <RadioGroup
          aria-label={`When no token fits a request to ${registryName}`}
          value={policy.whenNoToken}
          onChange={(event) => {
            const value = event.target.value;
            if (value === 'refuse' || value === 'fall-through') onChange({ whenNoToken: value });
          }}
        >
          <FormControlLabel
            value="refuse"
            control={<Radio size="small" />}
            label="Refuse, and offer to create one"
            slotProps={{ typography: { variant: 'body2' } }}
          />
          <FormControlLabel
            value="fall-through"
            control={<Radio size="small" />}
            label="Let cargo try its other providers"
            slotProps={{ typography: { variant: 'body2' } }}
          />
        </RadioGroup>
      </div>
    </Box>
  );
}
