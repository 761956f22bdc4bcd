import { z } from 'zod';
import { DEFAULT_WARNING_DAYS } from './expiry';

/**
 * The user's settings, as stored and as the Settings page edits them. Every
 * field is validated here once: by the contract (input of `settings:update`)
 * and by the metadata store's schema.
 */
export const settingsSchema = z.object({
  /** Warn this many days before a token expires (PRODUCT.md: 14, 7, 3, 1); distinct, any order in input. */
  warningDays: z
    .array(z.int().min(1).max(365))
    .min(1)
    .max(6)
    .refine((days) => new Set(days).size === days.length, 'Each warning day may appear once.'),
  /** Show OS notifications (the banner and the tray warn either way). */
  notificationsEnabled: z.boolean(),
  /** Refresh every account in the background this often. */
  refreshIntervalHours: z.int().min(1).max(48),
  /** Keep running in the tray when the window is closed; null: the platform's default. */
  keepInTray: z.boolean().nullable(),
  /** Start (hidden in the tray) when the user logs in. */
  startAtLogin: z.boolean(),
  /** Clear a copied secret from the clipboard after this long. */
  clipboardClearSeconds: z.int().min(5).max(600),
  /** Lock a passphrase vault after this long without use. */
  vaultIdleLockMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
  /** The folder cargo uses ($CARGO_HOME), when the user chose one; null: detected. */
  cargoHome: z.string().min(1).max(4096).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  warningDays: [...DEFAULT_WARNING_DAYS],
  notificationsEnabled: true,
  refreshIntervalHours: 6,
  keepInTray: null,
  startAtLogin: false,
  clipboardClearSeconds: 30,
  vaultIdleLockMinutes: 15,
  cargoHome: null,
};

/** What the Settings page shows: the stored values and what `null` resolves to on this machine. */
export const settingsViewSchema = z.object({
  settings: settingsSchema,
  /** keepInTray when the setting is null: on for macOS and Windows, off on Linux. */
  keepInTrayDefault: z.boolean(),
  /** Whether start-at-login can be set here (false in the harness without a login-item adapter). */
  startAtLoginSupported: z.boolean(),
  /** The CARGO_HOME in use (the chosen one, else the detected one); null until known. */
  cargoHomeInUse: z.string().nullable(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
