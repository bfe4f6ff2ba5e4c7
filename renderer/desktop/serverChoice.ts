// Whether the person asked to change servers (from the login screen): a tiny store, so the
// login bar and the root can talk without threading a callback through the app.
import { useSyncExternalStore } from 'react';

let choosing = false;
const listeners = new Set<() => void>();

export function setChoosingServer(value: boolean): void {
  choosing = value;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useChoosingServer(): boolean {
  return useSyncExternalStore(subscribe, () => choosing);
}
