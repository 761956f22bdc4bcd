import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { CargoStatus } from '../../../shared/domain/cargo-use';
import type { TokenView } from '../../../shared/domain/token';
import { useInvoke } from '../../api/invoke-safely';
import { useEvent } from '../../api/use-event';
import { cargoUsesOf, type CargoUses } from './cargo-use-map';
import { LazyRemoveFromCargoDialog, LazyUseWithCargoDialog } from './lazy-cargo-dialogs';

export interface CargoState {
  /** The last status the core gave; undefined before the first (or when it could not be read). */
  readonly status: CargoStatus | undefined;
  /** The status worked out for the list, once per status. */
  readonly uses: CargoUses;
  /** Takes a status the core answered (after a write, remove or rotate). */
  readonly apply: (status: CargoStatus) => void;
  /** Asks the core again (the file may have changed while the window was in the background). */
  readonly reload: () => void;
  /** Opens "Use NAME with cargo" for a held token. */
  readonly openUse: (token: TokenView) => void;
  /** Opens the confirmation of "Remove NAME from cargo". */
  readonly openRemove: (token: TokenView, registry: string) => void;
}

const CargoContext = createContext<CargoState | null>(null);

/** cargo's state for the list; null outside a `CargoProvider` (no cargo marks then). */
export function useCargo(): CargoState | null {
  return use(CargoContext);
}

type Pending =
  | { readonly kind: 'use'; readonly token: TokenView }
  | { readonly kind: 'remove'; readonly token: TokenView; readonly registry: string };

/**
 * Knows which token cargo reads for each registry: asks `cargo:status` with
 * each token list, follows `cargo:changed` (the core watches the file) and
 * asks again whenever the window gains focus, since the user may have edited the
 * file or run `cargo login` meanwhile. Hosts the row actions' dialogs, so
 * memoised rows need only this context.
 */
export function CargoProvider({
  listFetchedAt,
  children,
}: {
  /**
   * When the token list was last fetched. The core names the token cargo
   * uses from the list it knows, so a new list (after Rotate, say) may
   * change the status; it is asked again then.
   */
  listFetchedAt?: string | undefined;
  children: ReactNode;
}) {
  const invoke = useInvoke();
  const [status, setStatus] = useState<CargoStatus | undefined>(undefined);
  const [pending, setPending] = useState<Pending | null>(null);
  // Answers that arrive after a newer request or event are dropped.
  const generation = useRef(0);

  const apply = useCallback((next: CargoStatus) => {
    generation.current += 1;
    setStatus(next);
  }, []);
  const reload = useCallback(() => {
    generation.current += 1;
    const asked = generation.current;
    void invoke('cargo:status', {}).then((answer) => {
      // A failure keeps what is shown: the list does not depend on cargo.
      if (answer.ok && asked === generation.current) setStatus(answer.value);
    });
  }, [invoke]);

  useEffect(() => {
    if (listFetchedAt !== undefined) reload();
  }, [listFetchedAt, reload]);
  useEffect(() => {
    reload();
    window.addEventListener('focus', reload);
    return () => {
      window.removeEventListener('focus', reload);
    };
  }, [reload]);
  useEvent('cargo:changed', apply);

  const openUse = useCallback((token: TokenView) => {
    setPending({ kind: 'use', token });
  }, []);
  const openRemove = useCallback((token: TokenView, registry: string) => {
    setPending({ kind: 'remove', token, registry });
  }, []);
  const close = useCallback(() => {
    setPending(null);
  }, []);

  const uses = useMemo(() => cargoUsesOf(status), [status]);
  const state = useMemo<CargoState>(
    () => ({ status, uses, apply, reload, openUse, openRemove }),
    [status, uses, apply, reload, openUse, openRemove],
  );

  return (
    <CargoContext value={state}>
      {children}
      <LazyUseWithCargoDialog
        token={pending?.kind === 'use' ? pending.token : null}
        onWritten={apply}
        onClose={close}
      />
      <LazyRemoveFromCargoDialog
        token={pending?.kind === 'remove' ? pending.token : null}
        registry={pending?.kind === 'remove' ? pending.registry : ''}
        file={status?.credentialsFile ?? null}
        onRemoved={apply}
        onClose={close}
      />
    </CargoContext>
  );
}
