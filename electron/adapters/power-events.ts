import type { PowerMonitor } from 'electron';
import type { PowerEventsPort } from '../core/watch-ports';

/**
 * Resume from sleep and unlock-screen, from Electron's powerMonitor (usable
 * only once the app is ready). Linux builds often get neither
 * (electron#42050), which is why the core's hourly tick does not rely on them.
 */
export class ElectronPowerEvents implements PowerEventsPort {
  constructor(private readonly powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>) {}

  onWake(listener: () => void): () => void {
    const wake = (): void => {
      listener();
    };
    this.powerMonitor.on('resume', wake);
    this.powerMonitor.on('unlock-screen', wake);
    return () => {
      this.powerMonitor.removeListener('resume', wake);
      this.powerMonitor.removeListener('unlock-screen', wake);
    };
  }
}
