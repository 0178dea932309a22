// What each invoke channel does: a thin mapping from the IPC contract onto the engine, settings and trust lists.
// Native dialogs and the file manager come in through `Desktop`, so this module holds no Electron calls.
import { existsSync, mkdirSync } from 'node:fs';
import { ShutterproofError } from '../common/error-codes.js';
import type { AddOutcome } from '../common/ipc-contract.js';
import type { Emit } from './jobs/event-batcher.js';
import { skip } from './jobs/file-intake.js';
import type { JobEngine } from './jobs/job-engine.js';
import type { TrustListStore } from './jobs/trust-lists.js';
import type { Handlers } from './ipc.js';
import { checkGivenPath, refusedPathReason, type PathRegistry } from './path-guard.js';
import { addSamplePhoto } from './sample-photo.js';
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
  /**
   * The paths the user picked or dropped in this session; the page may name no others. Absent only where no
   * window exists to drop on (the browser test harness); UNC and device paths are refused either way.
   */
  paths?: PathRegistry;
  /** The shipped sample photo (main/sample-photo.ts); absent where none ships, and then jobs:add-sample says so. */
  samplePhoto?: string;
}

export function createHandlers({ engine, settings, trustLists, desktop, emit, paths, samplePhoto }: HandlerDeps): Handlers {
  const given = (path: string) => !refusedPathReason(path) && (!paths || paths.allows(path));
  const setSettings = (patch: Parameters<SettingsAccess['set']>[0]) => {
    const next = settings.set(patch);
    engine.settingsChanged();
    emit('settings:changed', next);
    return next;
  };
  return {
    'jobs:list': () => engine.list(),
    'jobs:add': async (req): Promise<AddOutcome> => {
      // Paths nobody picked or dropped are skipped like unreadable files; the rest are added.
      const allowed = req.paths.filter(given);
      const refused = req.paths.filter((path) => !given(path)).map((path) => skip(path.split(/[\\/]/).pop() || path, 'unreadable_file'));
      if (allowed.length === 0) return { groupId: null, added: 0, skipped: refused };
      const outcome = await engine.add({ ...req, paths: allowed });
      return { ...outcome, skipped: [...refused, ...outcome.skipped] };
    },
    // main's own path, not the page's: the path guard has nothing to check.
    'jobs:add-sample': () => addSamplePhoto(engine, samplePhoto),
    'jobs:cancel': (id) => engine.cancel(id),
    'jobs:retry': (id) => engine.retry(id),
    'jobs:remove': (id) => engine.remove(id),
    'jobs:move-to-top': (id) => engine.moveToTop(id),
    'jobs:logs': (id, after) => engine.logsOf(id, after),
    'jobs:export': async ({ scope, includeStrippedPhoto }) => {
      // The suggested folder is made first, so the dialog opens in it; the folder chosen is suggested next time.
      const folder = await desktop.pickFolder('Export proof packs to…', suggestedFolder(settings.get().outputFolder));
      if (!folder) return null;
      const outcome = await engine.exportTo(folder, scope, includeStrippedPhoto);
      if (folder !== settings.get().outputFolder) setSettings({ outputFolder: folder });
      return outcome;
    },
    'jobs:reveal': (id) => {
      const job = engine.get(id);
      if (!job) throw new ShutterproofError('bad_request', `no job ${id}`);
      if (job.exportedTo && !existsSync(job.exportedTo)) throw new ShutterproofError('exported_copy_missing', job.exportedTo);
      desktop.reveal(job.exportedTo ?? job.file.path);
    },
    'verify:run': (req) => {
      checkGivenPath(req.packPath, paths);
      if (req.photoPath) checkGivenPath(req.photoPath, paths);
      return engine.verify(req);
    },
    'settings:get': () => settings.get(),
    'settings:set': (patch) => {
      if (patch.defaultTrustListId && !trustLists.get(patch.defaultTrustListId)) throw new ShutterproofError('trust_list_invalid', 'no such trust list');
      return setSettings(patch);
    },
    'settings:pick-output-folder': async () => {
      const folder = await desktop.pickFolder('Export proof packs to…', suggestedFolder(settings.get().outputFolder));
      return folder ? setSettings({ outputFolder: folder }) : settings.get();
    },
    'trust-lists:list': () => trustLists.list(),
    'trust-lists:import': async ({ path, name }) => {
      checkGivenPath(path, paths);
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

/** The folder to open a dialog in: made if missing (the default, Documents/Shutterproof, is new on a first export). */
function suggestedFolder(folder: string): string {
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    // Not creatable (a removed drive, no permission): the dialog opens wherever the system chooses.
  }
  return folder;
}
