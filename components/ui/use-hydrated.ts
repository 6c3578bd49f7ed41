import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** False on the server and in HTML without JavaScript; true once React runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
