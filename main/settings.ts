// Settings live in main (electron-store under user data) and are read and written only through this module, so
// the engine and tests see a plain `get()` and `set(patch)`. Stored values are re-validated on read: a hand-edited
// or older settings file can never hand the engine a value outside the contract's ranges, and a file that is not
// JSON at all is set aside (settings-file.ts) so the app starts with defaults instead of not at all.
import { join } from 'node:path';
import Store from 'electron-store';
import { storedSettings, type Settings } from '../common/ipc-contract.js';
import type { SettingsAccess } from './settings-defaults.js';
import { setAsideUnusable } from './settings-file.js';

export { defaultSettings, type SettingsAccess } from './settings-defaults.js';

const patchSchema = storedSettings;
const NAME = 'settings';

type Stored = { settings: Partial<Settings> };

interface SettingsOptions {
  /** The folder of settings.json (the user-data folder); electron-store's default when absent. */
  dir?: string;
  /** Told when a damaged file was set aside or the store could not be used. */
  warn?: (msg: string) => void;
}

/** A store that holds settings in memory only: what the app runs on when even a fresh file cannot be written. */
function memoryStore(): Pick<Store<Stored>, 'get' | 'set'> {
  let settings: Partial<Settings> = {};
  return {
    get: (() => settings) as Store<Stored>['get'],
    set: ((_key: string, value: Partial<Settings>) => void (settings = value)) as Store<Stored>['set'],
  };
}

export function openSettings(defaults: Settings, options: SettingsOptions = {}): SettingsAccess {
  const file = options.dir ? join(options.dir, `${NAME}.json`) : undefined;
  const setAside = (force: boolean) => {
    if (!file) return;
    const moved = setAsideUnusable(file, new Date(), force);
    if (moved) options.warn?.(`settings file ${moved.problem}; kept as ${moved.movedTo}, using default settings`);
  };
  const open = () => new Store<Stored>({ name: NAME, defaults: { settings: {} }, ...(options.dir ? { cwd: options.dir } : {}) });
  let store: Pick<Store<Stored>, 'get' | 'set'>;
  setAside(false);
  try {
    store = open();
  } catch (first) {
    setAside(true);
    try {
      store = open();
    } catch (error) {
      options.warn?.(`settings cannot be stored (${(error as Error).message}; first ${(first as Error).message}); changes last until the app quits`);
      store = memoryStore();
    }
  }

  const stored = (): Record<string, unknown> => {
    try {
      return (store.get('settings') ?? {}) as Record<string, unknown>;
    } catch {
      // Damaged while the app runs (another program wrote it): set it aside and go on with defaults.
      setAside(true);
      try {
        return (store.get('settings') ?? {}) as Record<string, unknown>;
      } catch {
        return {};
      }
    }
  };
  const read = (): Settings => {
    // Field by field: one bad value falls back to its default without discarding the others.
    const current = stored();
    const out: Record<string, unknown> = { ...defaults };
    for (const [key, field] of Object.entries(patchSchema.shape)) {
      const parsed = field.safeParse(current[key]);
      if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
    }
    return out as unknown as Settings;
  };
  return {
    get: read,
    set(patch) {
      const valid = patchSchema.parse(patch);
      store.set('settings', { ...stored(), ...valid });
      return read();
    },
  };
}
