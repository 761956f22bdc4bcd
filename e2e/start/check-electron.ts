/**
 * Runs before `electron-forge start` (`npm start`): without the Electron
 * binary, Forge would try to download it and end in a stack trace. One line
 * that says why and points to the preview instead, and a non-zero exit.
 */
import { hasElectronBinary, missingElectronMessage } from './electron-binary';

if (!hasElectronBinary()) {
  console.error(missingElectronMessage());
  process.exit(1);
}
