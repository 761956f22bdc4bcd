import ElectronStore from 'electron-store';
import type { App } from 'electron';
import type { CoreStorage } from '../core/core';
import { ConfMetadataStore } from '../core/store/conf-metadata-store';
import type { Metadata } from '../core/store/metadata';
import { metadataStoreOptions } from '../core/store/metadata-store-options';
import { SafeStorageCipher, checkSafeStorage } from './safe-storage-cipher';

/**
 * The app's storage: metadata in electron-store (the same schema and
 * migrations the core's tests run through conf), the vault beside it in the
 * user-data folder, and the OS keychain through safeStorage unless it is
 * missing or only Linux's `basic_text`, in which case the core asks the user
 * for a passphrase instead.
 */
export async function openAppStorage(app: Pick<App, 'getPath'>): Promise<CoreStorage> {
  const dataDir = app.getPath('userData');
  const store = new ConfMetadataStore(new ElectronStore<Metadata>(metadataStoreOptions()));
  const check = await checkSafeStorage();
  return {
    dataDir,
    store,
    keychain: check.ok
      ? { cipher: new SafeStorageCipher(), problem: null }
      : { cipher: null, problem: check.message },
  };
}
