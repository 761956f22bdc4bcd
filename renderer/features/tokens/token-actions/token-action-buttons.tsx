import type { TokenView } from '../../../../shared/domain/token';
import { EmptyActionSlot, RowIcon, type RowIconName } from '../token-cells';
import { ROW_ACTION_SLOTS, availableActionsOf, type TokenActionKind } from './token-action-rules';
import { useTokenActions } from './token-actions-context';

const PRESENTATION: Record<
  TokenActionKind,
  { readonly verb: string; readonly hint: string; readonly icon: RowIconName }
> = {
  regenerate: {
    verb: 'Regenerate',
    hint: 'Regenerate: a new token prefilled from this one',
    // A copy with a plus, unlike Rotate's arrows (issue 13: the two looked alike).
    icon: 'ControlPointDuplicateRounded',
  },
  rotate: {
    verb: 'Rotate',
    hint: 'Rotate: replace with a new token, then revoke this one',
    icon: 'AutorenewRounded',
  },
  revoke: {
    verb: 'Revoke',
    hint: 'Revoke',
    icon: 'DeleteOutlineRounded',
  },
  forget: {
    verb: 'Forget',
    hint: 'Forget: remove this imported token and its secret from Cratekeeper',
    icon: 'RemoveCircleOutlineRounded',
  },
};

/**
 * A row's Regenerate, Rotate and Revoke (or Forget) buttons, each in its own place: an
 * action the token does not allow leaves its place empty, so the others stay
 * in line with the rows above and below. Plain buttons (not MUI's) because
 * thousands of rows may scroll past; the table's styles draw them and its
 * shared hint gives the tooltip, on hover and on keyboard focus.
 */
export function TokenActionButtons({ token }: { token: TokenView }) {
  const open = useTokenActions();
  if (open === null) return null;
  const available = availableActionsOf(token);
  return (
    <>
      {ROW_ACTION_SLOTS.map((slot, place) => {
        const kind = slot.find((candidate) => available.includes(candidate));
        if (kind === undefined) return <EmptyActionSlot key={place} />;
        const { verb, hint, icon } = PRESENTATION[kind];
        return (
          <button
            key={place}
            type="button"
            className="row-action"
            aria-label={`${verb} ${token.name}`}
            data-hint={hint}
            onClick={() => {
              open(kind, token);
            }}
          >
            <RowIcon name={icon} />
          </button>
        );
      })}
    </>
  );
}
