import type { TokenView } from '../../../shared/domain/token';
import { EmptyActionSlot, RowIcon, StatusChip } from '../tokens/token-cells';
import { shownStatusOf } from '../tokens/token-status';
import { useCargo } from './cargo-context';
import { registryTextOf } from './registry-text';

/*
 * The token row's cargo parts. Each reads the cargo context, worked out once
 * per status, so a change in cargo's file renders these small parts of the
 * rows on screen and nothing else; no row asks the core anything.
 */

/** A token cargo can be given: its secret is held and it still works. */
function usableWithCargo(token: Pick<TokenView, 'secretHeld' | 'status'>): boolean {
  return token.secretHeld && token.status !== 'expired';
}

/**
 * The row's cargo action, always in the same place: "Remove NAME from cargo"
 * on the token cargo uses, "Use NAME with cargo" on another held token, an
 * empty place otherwise.
 */
export function CargoActionSlot({ token }: { token: TokenView }) {
  const cargo = useCargo();
  if (cargo === null) return <EmptyActionSlot />;
  const used = cargo.uses.byTokenKey.get(token.key);
  if (used !== undefined) {
    return (
      <button
        type="button"
        className="row-action"
        aria-label={`Remove ${token.name} from cargo`}
        data-hint={`Remove from cargo: cargo stops using it for ${registryTextOf(used.registry)}`}
        onClick={() => {
          cargo.openRemove(token, used.registry);
        }}
      >
        <RowIcon name="LinkOffRounded" />
      </button>
    );
  }
  if (!usableWithCargo(token)) return <EmptyActionSlot />;
  return (
    <button
      type="button"
      className="row-action"
      aria-label={`Use ${token.name} with cargo`}
      data-hint="Use with cargo: write it into cargo's credentials"
      onClick={() => {
        cargo.openUse(token);
      }}
    >
      <RowIcon name="TerminalRounded" />
    </button>
  );
}

/**
 * The Status cell: the status chip, and under it "cargo" on the token cargo
 * reads for its registry.
 */
export function StatusWithCargo({
  token,
}: {
  token: Pick<TokenView, 'key' | 'status' | 'source' | 'expiresAt'>;
}) {
  const used = useCargo()?.uses.byTokenKey.get(token.key);
  if (used === undefined) return <StatusChip status={shownStatusOf(token)} />;
  const hint = `cargo reads this token for ${registryTextOf(used.registry)} from its credentials file.`;
  return (
    <span className="cell-lines">
      <span className="cell-line">
        <StatusChip status={shownStatusOf(token)} />
      </span>
      <span className="cell-line">
        <span
          className="chip chip--cargo"
          role="img"
          aria-label={`Used by cargo for ${used.registry}`}
          aria-description={hint}
          data-hint={hint}
        >
          <RowIcon name="TerminalRounded" />
          cargo
        </span>
      </span>
    </span>
  );
}
