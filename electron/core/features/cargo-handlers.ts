import type { CargoService } from '../cargo/cargo-service';
import type { CallHandlers } from '../dispatch';

export type CargoHandlers = Pick<
  CallHandlers,
  'cargo:status' | 'cargo:plan' | 'cargo:write' | 'cargo:remove' | 'cargo:import'
>;

/** Handing tokens to cargo: status, plan, write, remove and import (no answer holds a secret). */
export function cargoHandlers(cargo: CargoService): CargoHandlers {
  return {
    'cargo:status': () => cargo.status(),
    'cargo:plan': ({ key }) => cargo.plan(key),
    'cargo:write': ({ key }) => cargo.write(key),
    'cargo:remove': ({ registry }) => cargo.remove(registry),
    'cargo:import': ({ registry }) => cargo.importFrom(registry),
  };
}
