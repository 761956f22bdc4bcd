import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloudOffRounded from '@mui/icons-material/CloudOffRounded';
import { useState } from 'react';
import type { SettingsView } from '../../../shared/domain/settings';
import { useInvoke } from '../../api/invoke-safely';
import { useCall } from '../../api/use-call';
import { useNotice } from '../../components/notice';
import { StateMessage } from '../../components/state-message';
import { CargoProviderSection } from '../cargo-provider/provider-section';
import { CargoHomeField } from './cargo-home-field';
import { NumberField } from './number-field';
import { SettingsSection } from './settings-section';
import { checkForm, formOf, patchOf, type SettingsForm } from './settings-form';
import { SwitchField } from './switch-field';
import { WarningDaysField } from './warning-days-field';

/** The Settings page: warnings, background work, security timers and cargo's folder. */
export function SettingsPage() {
  const call = useCall('settings:get', {});
  let body;
  if (call.status === 'loading') {
    body = <LinearProgress aria-label="Loading settings" />;
  } else if (call.value === undefined) {
    body = (
      <StateMessage
        icon={<CloudOffRounded />}
        title="Your settings could not be loaded"
        actions={
          <Button variant="contained" onClick={call.reload}>
            Retry
          </Button>
        }
      >
        {call.error.message}
      </StateMessage>
    );
  } else {
    body = <SettingsEditor initial={call.value} />;
  }
  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0, overflowY: 'auto', p: 3 }}>
      <Typography variant="h5" component="h1">
        Settings
      </Typography>
      {body}
      <Box sx={{ maxWidth: 820, pb: 1 }}>
        <CargoProviderSection />
      </Box>
    </Stack>
  );
}

type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly message: string };

/** The form over the stored settings; saves only what changed. */
function SettingsEditor({ initial }: { initial: SettingsView }) {
  const invoke = useInvoke();
  const notify = useNotice();
  const [view, setView] = useState(initial);
  const [form, setForm] = useState<SettingsForm>(() => formOf(initial.settings));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const checked = checkForm(form);
  const errors = checked.ok ? {} : checked.errors;
  const patch = checked.ok ? patchOf(view.settings, checked.settings) : null;
  const dirty = JSON.stringify(form) !== JSON.stringify(formOf(view.settings));
  const saving = save.kind === 'saving';

  const change = (part: Partial<SettingsForm>) => {
    setForm((previous) => ({ ...previous, ...part }));
  };
  const submit = async () => {
    if (patch === null) return;
    setSave({ kind: 'saving' });
    const answer = await invoke('settings:update', { patch });
    if (!answer.ok) {
      setSave({ kind: 'failed', message: answer.error.message });
      return;
    }
    setView(answer.value);
    setForm(formOf(answer.value.settings));
    setSave({ kind: 'idle' });
    notify('Settings saved.');
  };

  const keepInTray = form.keepInTray ?? view.keepInTrayDefault;
  const onOff = (value: boolean) => (value ? 'on' : 'off');

  return (
    <Box
      component="form"
      noValidate
      aria-label="Settings"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 820 }}
    >
      <SettingsSection title="Expiry warnings">
        <WarningDaysField
          days={form.warningDays}
          errors={errors}
          onChange={(warningDays) => {
            change({ warningDays });
          }}
        />
        <SwitchField
          label="Show notifications"
          checked={form.notificationsEnabled}
          onChange={(notificationsEnabled) => {
            change({ notificationsEnabled });
          }}
          hint="A desktop notification per token and threshold. The banner and the tray icon warn either way."
        />
      </SettingsSection>

      <SettingsSection title="In the background">
        <NumberField
          label="Refresh every (hours)"
          value={form.refreshIntervalHours}
          error={errors.refreshIntervalHours}
          hint="1 to 48. Finds tokens revoked, expired or created elsewhere."
          width={300}
          onChange={(refreshIntervalHours) => {
            change({ refreshIntervalHours });
          }}
        />
        <SwitchField
          label="Keep running in the tray when the window is closed"
          checked={keepInTray}
          onChange={(value) => {
            change({ keepInTray: value });
          }}
          hint={
            form.keepInTray === null
              ? `Following this system's default (${onOff(view.keepInTrayDefault)}).`
              : `This system's default is ${onOff(view.keepInTrayDefault)}.`
          }
          action={
            form.keepInTray !== null && (
              <Button
                size="small"
                onClick={() => {
                  change({ keepInTray: null });
                }}
              >
                Use system default
              </Button>
            )
          }
        />
        <SwitchField
          label="Start at login"
          checked={form.startAtLogin}
          disabled={!view.startAtLoginSupported}
          onChange={(startAtLogin) => {
            change({ startAtLogin });
          }}
          hint={
            view.startAtLoginSupported
              ? 'Starts hidden in the tray when you log in, so warnings keep coming.'
              : 'Not available here: this build cannot register itself to start at login.'
          }
        />
      </SettingsSection>

      <SettingsSection title="Security">
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <NumberField
            label="Clear copied secrets after (seconds)"
            value={form.clipboardClearSeconds}
            error={errors.clipboardClearSeconds}
            hint="5 to 600."
            width={300}
            onChange={(clipboardClearSeconds) => {
              change({ clipboardClearSeconds });
            }}
          />
          <NumberField
            label="Lock the vault after idle (minutes)"
            value={form.vaultIdleLockMinutes}
            error={errors.vaultIdleLockMinutes}
            hint="With a passphrase vault. 1 to 1440."
            width={300}
            onChange={(vaultIdleLockMinutes) => {
              change({ vaultIdleLockMinutes });
            }}
          />
        </Stack>
      </SettingsSection>

      <SettingsSection title="cargo">
        <CargoHomeField
          value={form.cargoHome}
          inUse={view.cargoHomeInUse}
          error={errors.cargoHome}
          onChange={(cargoHome) => {
            change({ cargoHome });
          }}
        />
      </SettingsSection>

      {save.kind === 'failed' && (
        <Alert severity="error" variant="outlined">
          Your settings were not saved: {save.message}
        </Alert>
      )}
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', pb: 1 }}>
        <Button type="submit" variant="contained" loading={saving} disabled={!dirty || !checked.ok}>
          Save settings
        </Button>
        <Button
          disabled={!dirty || saving}
          onClick={() => {
            setForm(formOf(view.settings));
            setSave({ kind: 'idle' });
          }}
        >
          Discard changes
        </Button>
        <Typography variant="body2" role="status" sx={{ color: 'text.secondary' }}>
          {saveStatus(dirty, checked.ok)}
        </Typography>
      </Stack>
    </Box>
  );
}

function saveStatus(dirty: boolean, valid: boolean): string {
  if (!dirty) return 'All changes saved.';
  return valid ? 'Unsaved changes.' : 'Correct the marked fields to save.';
}
