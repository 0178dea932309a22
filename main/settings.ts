// Settings live in main (electron-store under user data) and are read and written only through this module, so
// the engine and tests see a plain `get()` and `set(patch)`. Stored values are re-validated on read: a hand-edited
// or older settings file can never hand the engine a value outside the contract's ranges.
import Store from 'electron-store';
import { schemas, type Settings } from '../common/ipc-contract.js';
import type { SettingsAccess } from './settings-defaults.js';

export { defaultSettings, type SettingsAccess } from './settings-defaults.js';

const patchSchema = schemas['settings:set'].def.items[0];


export function openSettings(defaults: Settings): SettingsAccess {
  const store = new Store<{ settings: Partial<Settings> }>({ name: 'settings', defaults: { settings: {} } });
  const read = (): Settings => {
    // Field by field: one bad value falls back to its default without discarding the others.
    const stored = store.get('settings') as Record<string, unknown>;
    const out: Record<string, unknown> = { ...defaults };
    for (const [key, field] of Object.entries(patchSchema.shape)) {
      const parsed = field.safeParse(stored[key]);
      if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
    }
    return out as unknown as Settings;
  };
  return {
    get: read,
    set(patch) {
      const valid = patchSchema.parse(patch);
      store.set('settings', { ...store.get('settings'), ...valid });
      return read();
    },
  };
}
