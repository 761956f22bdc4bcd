import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Switch from '@mui/material/Switch';
import AddRounded from '@mui/icons-material/AddRounded';
import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded';
import { useId, type ReactNode } from 'react';
import type { CrateView } from '../../../shared/domain/crates';
import {
  PROVIDER_NAMES,
  configsOf,
  deleteConfigLabel,
  environmentText,
  repositoryOf,
  workflowOf,
  type ConfigRef,
} from './crate-text';

export interface TrustedPublishingPanelProps {
  readonly crate: CrateView;
  /** A change of the flag is on its way for this crate. */
  readonly switching: boolean;
  /** What went wrong with the last change made here, in the registry's words. */
  readonly error: string | undefined;
  readonly onSetUp: (crate: CrateView) => void;
  readonly onDelete: (crate: CrateView, ref: ConfigRef) => void;
  readonly onTrustpubOnly: (crate: CrateView, on: boolean) => void;
  /** The tokens trusted publishing replaces (the audit feature's panel). */
  readonly retirePanel: ReactNode;
}

/**
 * A crate's trusted publishing: its configurations (each with Delete), the
 * "Trusted publishing only" switch, and "Set up trusted publishing". The
 * switch does not turn on without a configuration: crates.io would then
 * refuse every publish of a new version.
 */
export function TrustedPublishingPanel(props: TrustedPublishingPanelProps) {
  const { crate, switching, error, onSetUp, onDelete, onTrustpubOnly, retirePanel } = props;
  const helpId = useId();
  const state = crate.trustedPublishing;
  const configs = configsOf(crate);
  const setUp = (
    <Button
      size="small"
      variant={configs.length === 0 ? 'contained' : 'outlined'}
      startIcon={<AddRounded />}
      aria-label={`Set up trusted publishing for ${crate.name}`}
      onClick={() => {
        onSetUp(crate);
      }}
    >
      Set up trusted publishing
    </Button>
  );

  if (state === null) {
    return (
      <>
        <p className="unknown-note chip--caution">
          Trusted publishing could not be read:{' '}
          {crate.trustedPublishingUnknown ?? 'no reason given.'}
        </p>
        <div className="tp-actions">{setUp}</div>
      </>
    );
  }

  const locked = state.trustpubOnly;
  let help: string;
  if (configs.length === 0 && !locked) {
    help = 'Needs a configuration first: with none, nothing could publish new versions.';
  } else if (configs.length === 0) {
    help = 'On without a configuration: nothing can publish new versions until one is added.';
  } else if (locked) {
    help = 'crates.io refuses new versions published with an API token.';
  } else {
    help = 'API tokens can still publish new versions too.';
  }

  return (
    <>
      {configs.length === 0 ? (
        <p className="part-note">Not set up: publishing a new version needs an API token.</p>
      ) : (
        <ul className="configs" aria-label={`Trusted publishing configurations of ${crate.name}`}>
          {configs.map((ref) => (
            <ConfigLine
              key={`${ref.provider}/${ref.config.id}`}
              configRef={ref}
              onDelete={() => {
                onDelete(crate, ref);
              }}
            />
          ))}
        </ul>
      )}
      <div className="tp-actions">
        <FormControlLabel
          sx={{ mr: 0 }}
          control={
            <Switch
              size="small"
              checked={locked}
              // Switching off is always allowed; on, only with a configuration.
              disabled={switching || (!locked && configs.length === 0)}
              onChange={(event) => {
                onTrustpubOnly(crate, event.target.checked);
              }}
              slotProps={{
                input: {
                  'aria-label': `Trusted publishing only for ${crate.name}`,
                  'aria-describedby': helpId,
                },
              }}
            />
          }
          label="Trusted publishing only"
          slotProps={{ typography: { variant: 'body2' } }}
        />
      </div>
      <p id={helpId} className="switch-help">
        {help}
      </p>
      {error !== undefined && (
        <p className="card-error" role="alert">
          {error}
        </p>
      )}
      <div className="tp-actions">{setUp}</div>
      {retirePanel}
    </>
  );
}

/** "GitHub  ferris/quill · publish.yml · environment release  [delete]". */
function ConfigLine({ configRef, onDelete }: { configRef: ConfigRef; onDelete: () => void }) {
  const label = deleteConfigLabel(configRef);
  return (
    <li className="config">
      <span className="chip chip--neutral">{PROVIDER_NAMES[configRef.provider]}</span>
      <span className="config-text">
        <code>{repositoryOf(configRef)}</code> · <code>{workflowOf(configRef)}</code>
        <span className="config-sub">{environmentText(configRef.config.environment)}</span>
      </span>
      <IconButton size="small" aria-label={label} title={label} onClick={onDelete}>
        <DeleteOutlineRounded fontSize="small" />
      </IconButton>
    </li>
  );
}
