import { settingsSchema, type Settings, type SettingsView } from '../../../shared/domain/settings';
import { orderedWarningDays } from '../../../shared/domain/expiry';
import { ActionError } from '../action-error';
import type { CallHandlers } from '../dispatch';
import type { MetadataStore } from '../store/metadata-store';
import type { LoginItemPort } from '../watch-ports';

export type SettingsHandlers = Pick<CallHandlers, 'settings:get' | 'settings:update'>;

export interface SettingsHandlerDeps {
  readonly store: MetadataStore;
  readonly loginItem: LoginItemPort;
  /** keepInTray when the setting is null (platform default). */
  readonly keepInTrayDefault: boolean;
  /** The CARGO_HOME in use, when known (the cargo feature detects it); the chosen one otherwise. */
  readonly cargoHomeInUse?: () => string | null;
  /** Called after every stored change, with the settings before and after (the watch re-plans). */
  readonly changed: (before: Settings, after: Settings) => void | Promise<void>;
}

/**
 * `settings:get` and `settings:update`. An update is validated as a whole
 * (the contract checked the patch), takes effect at once (start at login is
 * set before anything is stored, so a refusal changes nothing), and the
 * watch is told so thresholds and the refresh interval apply now.
 */
export function settingsHandlers(deps: SettingsHandlerDeps): SettingsHandlers {
  const view = (settings: Settings): SettingsView => ({
    settings,
    keepInTrayDefault: deps.keepInTrayDefault,
    startAtLoginSupported: deps.loginItem.supported,
    cargoHomeInUse: deps.cargoHomeInUse?.() ?? settings.cargoHome,
  });
  // Updates one at a time: two at once would each start from the same "before".
  let updates: Promise<unknown> = Promise.resolve();
  const update = async (patch: Partial<Settings>): Promise<SettingsView> => {
    const before = deps.store.get('settings');
    const merged = { ...before, ...patch };
    if (patch.warningDays) merged.warningDays = orderedWarningDays(patch.warningDays);
    const parsed = settingsSchema.safeParse(merged);
    if (!parsed.success) {
      throw new ActionError(
        'invalid-input',
        parsed.error.issues[0]?.message ?? 'These settings are not valid.',
      );
    }
    const after = parsed.data;
    if (after.startAtLogin !== before.startAtLogin) {
      if (!deps.loginItem.supported) {
        throw new ActionError('invalid-input', 'Start at login is not available here.');
      }
      await deps.loginItem.set(after.startAtLogin);
    }
    deps.store.set('settings', after);
    await deps.changed(before, after);
    return view(after);
  };
  return {
    'settings:get': () => Promise.resolve(view(deps.store.get('settings'))),
    'settings:update': ({ patch }) => {
      const next = updates.then(() => update(patch));
      updates = next.catch(() => undefined);
      return next;
    },
  };
}
