// Runs in the page under test: window.shutterproof built by preload's own createApi over loopback HTTP. A dropped
// File has no path in a plain browser, so its bytes are uploaded to the harness, which saves them to disk first.
import type { EventMap } from '../../../common/ipc-contract.js';
import { createApi } from '../../../preload/create-api.js';

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const source = new EventSource('/events');

function listen(channel: keyof EventMap): void {
  source.addEventListener(channel, (event) => {
    const payload = JSON.parse((event as MessageEvent<string>).data) as unknown;
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  });
}
(['jobs:changed', 'jobs:log', 'prover:status', 'settings:changed', 'trust-lists:changed'] as const).forEach(listen);

window.shutterproof = createApi({
  async invoke(channel, ...args) {
    const response = await fetch(`/invoke/${encodeURIComponent(channel)}`, { method: 'POST', body: JSON.stringify(args) });
    return response.json();
  },
  on(channel, listener) {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
    return () => void listeners.get(channel)?.delete(listener);
  },
  async pathOf(file) {
    const response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
    return ((await response.json()) as { path: string }).path;
  },
  platform: 'linux',
});
