import { API_GLOBAL, type CratekeeperApi } from '../../shared/ipc/api';

/**
 * Reads the API that the preload (or the browser harness's bridge) put on the
 * page. Read once at start-up rather than at import time, so a bridge script
 * that runs just before the bundle is always seen. Null when neither ran.
 */
export function readBridge(target: object = globalThis): CratekeeperApi | null {
  const candidate: unknown = Reflect.get(target, API_GLOBAL);
  return isCratekeeperApi(candidate) ? candidate : null;
}

/** A shallow shape check: the bridge is ours, but a page opened by hand has none. */
export function isCratekeeperApi(value: unknown): value is CratekeeperApi {
  if (typeof value !== 'object' || value === null) return false;
  const invoke: unknown = Reflect.get(value, 'invoke');
  const subscribe: unknown = Reflect.get(value, 'subscribe');
  return isObject(invoke) && isObject(subscribe);
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
