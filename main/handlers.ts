// What each invoke channel does: a thin mapping from the IPC contract onto the engine, settings and trust lists.
// Native dialogs and the file manager come in through `Desktop`, so this module holds no Electron calls.
import { ShutterproofError } from '../common/error-codes.js';
import type { Emit } from './jobs/event-batcher.js';
import type { JobEngine } from './jobs/job-engine.js';
import type { TrustListStore } from './jobs/trust-lists.js';
import type { Handlers } from './ipc.js';
import type { SettingsAccess } from './settings-defaults.js';

export interface Desktop {
  pickFolder(title: string, defaultPath: string): Promise<string | null>;
  pickPhotos(): Promise<string[] | null>;
  reveal(path: string): void;
}

export interface HandlerDeps {
  engine: JobEngine;
  settings: SettingsAccess;
  trustLists: TrustListStore;
  desktop: Desktop;
  emit: Emit;
}

export function createHandlers({ engine, settings, trustLists, desktop, emit }: HandlerDeps): Handlers {
  const setSettings = (patch: Parameters<SettingsAccess['set']>[0]) => {
    const next = settings.set(patch);
    engine.settingsChanged();
    emit('settings:changed', next);
    return next;
  };
  return {
    'jobs:list': () => engine.list(),
    'jobs:add': (req) => engine.add(req),
    'jobs:cancel': (id) => engine.cancel(id),
    'jobs:retry': (id) => engine.retry(id),
    'jobs:remove': (id) => engine.remove(id),
    'jobs:move-to-top': (id) => engine.moveToTop(id),
    'jobs:logs': (id, after) => engine.logsOf(id, after),
    'jobs:export': async ({ scope, includeStrippedPhoto }) => {
      const folder = await desktop.pickFolder('Export proof packs to…', settings.get().outputFolder);
      if (!folder) return null;
      return engine.exportTo(folder, scope, includeStrippedPhoto);
    },
    'jobs:reveal': (id) => {
      const job = engine.get(id);
      if (!job) throw new ShutterproofError('bad_request', `no job ${id}`);
      desktop.reveal(job.result?.packPath ?? job.file.path);
    },
    'verify:run': (req) => engine.verify(req),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => {
      if (patch.defaultTrustListId && !trustLists.get(patch.defaultTrustListId)) throw new ShutterproofError('trust_list_invalid', 'no such trust list');
      return setSettings(patch);
    },
    'settings:pick-output-folder': async () => {
      const folder = await desktop.pickFolder('Save proof packs in…', settings.get().outputFolder);
      return folder ? setSettings({ outputFolder: folder }) : settings.get();
    },
    'trust-lists:list': () => trustLists.list(),
    'trust-lists:import': async ({ path, name }) => {
      const view = await trustLists.import(path, name);
      emit('trust-lists:changed', trustLists.list());
      return view;
    },
    'trust-lists:remove': (id) => {
      trustLists.remove(id);
      if (settings.get().defaultTrustListId === id) setSettings({ defaultTrustListId: null });
      emit('trust-lists:changed', trustLists.list());
    },
    'dialog:pick-photos': async () => {
      const paths = await desktop.pickPhotos();
      return paths && paths.length ? engine.add({ paths }) : null;
    },
    'prover:status': () => engine.proverStatus(),
    'prover:restart': () => engine.restartProver(),
  };
}
