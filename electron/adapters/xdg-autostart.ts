import { rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { writeFileDurably } from '../core/store/durable-file';

/**
 * Start at login on Linux: an XDG autostart entry, which GNOME, KDE, Xfce and
 * the other desktops that follow the freedesktop.org Desktop Application
 * Autostart spec start at login. Electron's setLoginItemSettings does nothing
 * on Linux.
 */

/** The file's name in the autostart folder. */
export const AUTOSTART_FILE_NAME = 'cratekeeper.desktop';

/**
 * `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart`; a relative
 * XDG_CONFIG_HOME is invalid under the Base Directory spec and ignored.
 */
export function autostartDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  const configHome = env['XDG_CONFIG_HOME'];
  const base = configHome && isAbsolute(configHome) ? configHome : join(homeDir, '.config');
  return join(base, 'autostart');
}

/** Characters that force an Exec argument into quotes (Desktop Entry spec, "The Exec key"). */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One Exec argument: `%` doubled (field codes), quoted when it holds a reserved
 * character with `"`, `` ` ``, `$` and `\` backslash-escaped inside the quotes,
 * then every backslash doubled once more for the key's string escaping.
 */
export function execArgument(argument: string): string {
  if (/[\n\r]/.test(argument)) throw new Error('An Exec argument cannot span lines.');
  const percentSafe = argument.replaceAll('%', '%%');
  const quoted =
    percentSafe === '' || RESERVED.test(percentSafe)
      ? `"${percentSafe.replace(/["`$\\]/g, (character) => `\\${character}`)}"`
      : percentSafe;
  return quoted.replaceAll('\\', '\\\\');
}

/** The entry: starts `command` with `args` (the app hidden in the tray) at login. */
export function autostartEntry(command: string, args: readonly string[]): string {
  const exec = [command, ...args].map(execArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    'Name=Cratekeeper',
    'Comment=Warns before your crates.io tokens expire',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes (atomically) or removes the entry. */
export async function setAutostartEntry(
  dir: string,
  entry: { command: string; args: readonly string[] } | null,
): Promise<void> {
  const path = join(dir, AUTOSTART_FILE_NAME);
  if (entry) await writeFileDurably(path, autostartEntry(entry.command, entry.args));
  else await rm(path, { force: true });
}
