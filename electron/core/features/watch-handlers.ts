import { attentionTokenKeys, summariseAttention } from '../../../shared/domain/attention';
import { importedTokenKeyOf, IMPORTED_KEY_PREFIX } from '../../../shared/domain/token';
import { ActionError } from '../action-error';
import type { CallHandlers } from '../dispatch';
import type { ImportedTokens } from '../imported-tokens';
import type { MetadataStore } from '../store/metadata-store';
import { tokenSecretId } from '../token-secrets';
import type { VaultService } from '../vault-service';
import type { ExpiryWatch } from '../watch/expiry-watch';

export type WatchHandlers = Pick<
  CallHandlers,
  'watch:attention' | 'watch:attention-keys' | 'watch:refresh-now' | 'tokens:forget'
>;

export interface WatchHandlerDeps {
  readonly watch: ExpiryWatch;
  readonly vault: VaultService;
  readonly imported: ImportedTokens;
  readonly store: MetadataStore;
}

/** What needs action, a refresh on demand, and forgetting a held secret. */
export function watchHandlers(deps: WatchHandlerDeps): WatchHandlers {
  const { watch, vault, imported, store } = deps;
  return {
    'watch:attention': async () => summariseAttention(await watch.attention()),
    'watch:attention-keys': async () => ({ keys: attentionTokenKeys(await watch.attention()) }),
    'watch:refresh-now': async () => {
      await watch.refresh();
      return summariseAttention(await watch.attention());
    },
    'tokens:forget': async ({ key }) => {
      // Deleting needs no decryption: it works while a passphrase vault is locked.
      const forgotSecret = (await vault.peek()?.delete(tokenSecretId(key))) ?? false;
      let forgotRow = false;
      if (key.startsWith(IMPORTED_KEY_PREFIX)) {
        const id = key.slice(IMPORTED_KEY_PREFIX.length);
        if (importedTokenKeyOf(id) === key) forgotRow = await imported.remove(id);
      }
      const memory = store.get('watch');
      const lost = memory.revokedElsewhere.filter((entry) => entry.key !== key);
      if (lost.length !== memory.revokedElsewhere.length) {
        store.set('watch', { ...memory, revokedElsewhere: lost });
      }
      if (!forgotSecret && !forgotRow) {
        throw new ActionError('not-found', 'Cratekeeper holds nothing for this token.');
      }
      await watch.check();
      return { key };
    },
  };
}
