import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { CrateView } from '../../../shared/domain/crates';
import { useInvoke } from '../../api/invoke-safely';
import { MONO_FONT } from '../../components/fonts';
import { accountWhere } from '../accounts/account-label';
import { MessageText } from '../new-token/message-text';
import { MAX_CONFIGS_PER_PROVIDER } from '../../../shared/domain/trusted-publishing';
import {
  PROVIDER_NAMES,
  environmentText,
  repositoryOf,
  workflowOf,
  type ConfigRef,
} from './crate-text';
import {
  GITHUB_FIELDS,
  GITLAB_FIELDS,
  fieldIdsOf,
  firstEmptyField,
  githubFieldsOf,
  gitlabFieldsOf,
  initialSetupForm,
  setupProblems,
  type FieldId,
  type SetupForm,
} from './setup-form';
import { githubWorkflowSnippet, gitlabWorkflowSnippet } from './workflow-snippet';
import { WorkflowSnippetView } from './workflow-snippet-view';

export interface SetupDialogProps {
  /** The crate to set up; null when closed. */
  readonly crate: CrateView | null;
  /** The crate's owners among the accounts, in the overview's order; the first is the default. */
  readonly owners: readonly Account[];
  readonly onAdded: (crate: CrateView, ref: ConfigRef) => void;
  readonly onClose: () => void;
}

/**
 * "Set up trusted publishing for NAME": a GitHub Actions or GitLab CI
 * configuration, checked as it is typed with crates.io's rules and words,
 * added with the account's session; then the workflow to put in the
 * repository, to copy.
 */
export function SetupDialog({ crate, owners, onAdded, onClose }: SetupDialogProps) {
  const titleId = useId();
  const [pending, setPending] = useState(false);
  // Keeps the crate on screen while the dialog fades out.
  const [shown, setShown] = useState(crate);
  if (crate !== null && crate !== shown) setShown(crate);
  const open = crate !== null;
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>Set up trusted publishing for {shown?.name}</DialogTitle>
      {open && shown !== null && (
        <SetupContent
          // A fresh form for each crate the dialog opens for.
          key={shown.key}
          crate={shown}
          owners={owners}
          pending={pending}
          setPending={setPending}
          onAdded={onAdded}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

interface SetupContentProps {
  readonly crate: CrateView;
  readonly owners: readonly Account[];
  readonly pending: boolean;
  readonly setPending: (pending: boolean) => void;
  readonly onAdded: (crate: CrateView, ref: ConfigRef) => void;
  readonly onClose: () => void;
}

function SetupContent(props: SetupContentProps) {
  const { crate, owners, pending, setPending, onAdded, onClose } = props;
  const invoke = useInvoke();
  const providerLabelId = useId();
  const [form, setForm] = useState<SetupForm>(() =>
    initialSetupForm(crate, owners[0]?.id ?? crate.ownerAccountIds[0] ?? ''),
  );
  const [touched, setTouched] = useState<ReadonlySet<FieldId>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState<{
    configRef: ConfigRef;
    account: Account | undefined;
  } | null>(null);
  const inputs = useRef(new Map<FieldId, HTMLInputElement>());

  const problems = setupProblems(form);
  // A field says what is wrong once the user has been in it or pressed Add, not while untouched.
  const shownProblem = (id: FieldId): string | undefined =>
    submitted || touched.has(id) ? problems[id] : undefined;
  const touch = (id: FieldId) => {
    setTouched((previous) => (previous.has(id) ? previous : new Set(previous).add(id)));
  };
  const account = owners.find((owner) => owner.id === form.accountId);
  // Focus starts in the first field the prefill left empty.
  const [firstEmpty] = useState(() => firstEmptyField(form));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const first = fieldIdsOf(form.provider).find((id) => problems[id] !== undefined);
    if (first !== undefined) {
      inputs.current.get(first)?.focus();
      return;
    }
    setPending(true);
    setFailure(null);
    const base = { accountId: form.accountId, crate: crate.name };
    let ref: ConfigRef | null = null;
    if (form.provider === 'github') {
      const answer = await invoke('crates:add-github-config', { ...base, ...githubFieldsOf(form) });
      if (answer.ok) ref = { provider: 'github', config: answer.value.config };
      else setFailure(answer.error.message);
    } else {
      const answer = await invoke('crates:add-gitlab-config', { ...base, ...gitlabFieldsOf(form) });
      if (answer.ok) ref = { provider: 'gitlab', config: answer.value.config };
      else setFailure(answer.error.message);
    }
    setPending(false);
    if (ref !== null) {
      setAdded({ configRef: ref, account });
      onAdded(crate, ref);
    }
  };

  if (added !== null) return <AddedView crate={crate} {...added} onClose={onClose} />;

  const fields = form.provider === 'github' ? GITHUB_FIELDS : GITLAB_FIELDS;
  const existing =
    form.provider === 'github'
      ? crate.trustedPublishing?.githubConfigs
      : crate.trustedPublishing?.gitlabConfigs;
  const atLimit = (existing?.length ?? 0) >= MAX_CONFIGS_PER_PROVIDER;
  const values: Readonly<Record<string, string>> =
    form.provider === 'github' ? form.github : form.gitlab;
  const setValue = (key: string, value: string) => {
    setFailure(null);
    setForm((previous) =>
      previous.provider === 'github'
        ? { ...previous, github: { ...previous.github, [key]: value } }
        : { ...previous, gitlab: { ...previous.gitlab, [key]: value } },
    );
  };

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
      <DialogContent sx={{ pt: 0 }}>
        <DialogContentText sx={{ mb: 2 }}>
          Let a CI workflow publish <code>{crate.name}</code>: the registry trades the
          workflow&apos;s OIDC token for one that lasts 30 minutes, so no API token has to be kept
          in the CI&apos;s secrets.
        </DialogContentText>
        <Stack spacing={2}>
          {owners.length > 1 && (
            <TextField
              select
              label="Account"
              size="small"
              disabled={pending}
              value={form.accountId}
              helperText={`${crate.name} has several owners here; the configuration is added as this one.`}
              onChange={(event) => {
                setForm((previous) => ({ ...previous, accountId: event.target.value }));
                setFailure(null);
              }}
            >
              {owners.map((owner) => (
                <MenuItem key={owner.id} value={owner.id}>
                  {accountWhere(owner)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <FormControl disabled={pending}>
            <FormLabel id={providerLabelId}>Where the workflow runs</FormLabel>
            <RadioGroup
              row
              aria-labelledby={providerLabelId}
              value={form.provider}
              onChange={(event) => {
                const provider = event.target.value === 'gitlab' ? 'gitlab' : 'github';
                setForm((previous) => ({ ...previous, provider }));
                setSubmitted(false);
                setFailure(null);
              }}
            >
              <FormControlLabel
                value="github"
                control={<Radio size="small" />}
                label="GitHub Actions"
              />
              <FormControlLabel value="gitlab" control={<Radio size="small" />} label="GitLab CI" />
            </RadioGroup>
          </FormControl>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' },
              columnGap: 2,
              rowGap: 1.5,
            }}
          >
            {fields.map(({ key, label }) => {
              const id = `${form.provider}.${key}` as FieldId;
              const problem = shownProblem(id);
              return (
                <TextField
                  key={id}
                  label={label}
                  autoFocus={id === firstEmpty}
                  size="small"
                  disabled={pending}
                  value={values[key] ?? ''}
                  error={problem !== undefined}
                  helperText={<MessageText message={problem ?? HELP[id]} />}
                  inputRef={(element: HTMLInputElement | null) => {
                    if (element === null) inputs.current.delete(id);
                    else inputs.current.set(id, element);
                  }}
                  onChange={(event) => {
                    setValue(key, event.target.value);
                    touch(id);
                  }}
                  onBlur={() => {
                    touch(id);
                  }}
                  slotProps={{
                    htmlInput: {
                      spellCheck: false,
                      autoCapitalize: 'off',
                      autoCorrect: 'off',
                      style: { fontFamily: MONO_FONT },
                    },
                  }}
                />
              );
            })}
          </Box>
        </Stack>
        {atLimit && (
          <Alert severity="warning" variant="outlined" sx={{ mt: 2 }}>
            {crate.name} already has {MAX_CONFIGS_PER_PROVIDER} {PROVIDER_NAMES[form.provider]}{' '}
            configurations, the most the registry allows: delete one before adding another.
          </Alert>
        )}
        {failure !== null && (
          <Alert severity="error" variant="outlined" sx={{ mt: 2 }}>
            <AlertTitle>The configuration was not added</AlertTitle>
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" loading={pending}>
          Add configuration
        </Button>
      </DialogActions>
    </Box>
  );
}

/** What each field is, until it has something to say about what was typed. */
const HELP: Readonly<Record<FieldId, string>> = {
  'github.repositoryOwner': 'The GitHub user or organisation.',
  'github.repositoryName': 'As in github.com/OWNER/NAME.',
  'github.workflowFilename': 'Its file name in `.github/workflows`, e.g. `publish.yml`.',
  'github.environment': 'Optional. Empty accepts any environment.',
  'gitlab.namespace': 'The GitLab user or group, with subgroups: `group/sub`.',
  'gitlab.project': 'As in gitlab.com/NAMESPACE/PROJECT.',
  'gitlab.workflowFilepath': 'The CI file’s path in the repository.',
  'gitlab.environment': 'Optional. Empty accepts any environment.',
};

/** After "Add configuration": what was added, and the workflow to put in the repository. */
function AddedView({
  crate,
  configRef: ref,
  account,
  onClose,
}: {
  crate: CrateView;
  configRef: ConfigRef;
  account: Account | undefined;
  onClose: () => void;
}) {
  const registry = {
    name: crate.registryName,
    baseUrl: account?.registry.baseUrl ?? 'https://crates.io',
  };
  const snippet =
    ref.provider === 'github'
      ? githubWorkflowSnippet(ref.config, registry)
      : gitlabWorkflowSnippet(ref.config, registry);
  const runner = ref.provider === 'github' ? 'GitHub Actions' : 'GitLab CI';
  return (
    <>
      <DialogContent sx={{ pt: 0 }}>
        <Stack spacing={2}>
          <Alert severity="success" variant="outlined">
            <AlertTitle>Configuration added</AlertTitle>
            {runner} runs of <code>{workflowOf(ref)}</code> in <code>{repositoryOf(ref)}</code> (
            {environmentText(ref.config.environment)}) can now publish <code>{crate.name}</code>.
          </Alert>
          <Typography variant="body2">
            Add this workflow to the repository, or give your own publish job the same{' '}
            {ref.provider === 'github' ? (
              <>
                <code>id-token: write</code> permission and auth step
              </>
            ) : (
              <>
                <code>id_tokens</code> entry and token exchange
              </>
            )}
            :
          </Typography>
          <WorkflowSnippetView snippet={snippet} />
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Once a release has gone out this way, switch on Trusted publishing only, so crates.io
            refuses new versions published with an API token, and revoke the tokens this replaces.
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button variant="contained" autoFocus onClick={onClose}>
          Done
        </Button>
      </DialogActions>
    </>
  );
}
