import KeyRounded from '@mui/icons-material/KeyRounded';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import type { TokenStatus } from '../../../shared/domain/expiry';
import type { TokenView } from '../../../shared/domain/token';
import type { WhenText } from './token-format';
import { scopeCellOf, statusPresentation } from './token-status';

/*
 * Cell contents of the token table, as plain elements styled by the table's
 * classes (token-table-styles.ts). Chips carry their explanation twice: in
 * `aria-description` for assistive tech, in `data-hint` for the table's one
 * shared hover tooltip.
 */

/** The Endpoint scopes cell; a legacy token gets one warning chip. */
export function ScopeChips({ token }: { token: Pick<TokenView, 'source' | 'endpointScopes'> }) {
  const cell = scopeCellOf(token);
  if (cell.kind === 'unknown') {
    return (
      <span className="muted" data-hint={cell.description} aria-description={cell.description}>
        not known
      </span>
    );
  }
  const { chips } = cell;
  if (chips.length === 0) return <span className="muted">no endpoint scopes</span>;
  return (
    <span className="chips">
      {chips.map((chip) => (
        <span
          key={chip.label}
          className={chip.tone ? `chip chip--warning-scope chip--${chip.tone}` : 'chip chip--scope'}
          data-hint={chip.description}
          aria-description={chip.description}
        >
          {chip.tone && <WarningAmberRounded aria-hidden />}
          {chip.label}
        </span>
      ))}
    </span>
  );
}

/** The Status cell: a chip coloured by urgency whose hint says what to do. */
export function StatusChip({ status }: { status: TokenStatus }) {
  const { label, tone, description } = statusPresentation(status);
  return (
    <span
      className={`chip chip--status chip--${tone}`}
      data-hint={description}
      aria-description={description}
    >
      {label}
    </span>
  );
}

/** A relative time over its exact date-time, or a muted word such as "never". */
export function WhenCell({ when, iso }: { when: WhenText; iso: string | null }) {
  if (when.exact === null || iso === null) return <span className="muted">{when.relative}</span>;
  return (
    <time dateTime={iso}>
      <span className="line">{when.relative}</span>
      <span className="sub">{when.exact}</span>
    </time>
  );
}

const SECRET_HELD_HINT =
  "Cratekeeper holds this token's secret, encrypted. It stays hidden unless you ask to see it.";

/** Beside the name: the app holds this token's secret. */
export function SecretHeldMark() {
  return (
    <span
      className="held"
      role="img"
      aria-label="Secret held in Cratekeeper"
      aria-description={SECRET_HELD_HINT}
      data-hint={SECRET_HELD_HINT}
    >
      <KeyRounded aria-hidden />
    </span>
  );
}

/**
 * The row action that opens the secret's dialog. A plain button (not MUI's)
 * because thousands of rows may scroll past; the table's styles draw it.
 */
export function ShowSecretButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="row-action"
      aria-label={`Show secret of ${name}`}
      data-hint="Show secret"
      onClick={onClick}
    >
      <VisibilityOutlined aria-hidden />
    </button>
  );
}
