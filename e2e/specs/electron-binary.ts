// The Electron spec and `npm start` find the binary the same way.
export { hasElectronBinary } from '../start/electron-binary';
