// The app without its windows: trust lists, the job engine with its prover processes, and the handler for every
// invoke channel. Electron's main (index.ts) and the browser end-to-end harness both build the app through here,
// so what the tests drive is what ships.
import { join } from 'node:path';
import type { Desktop } from './handlers.js';
import { createHandlers } from './handlers.js';
import type { Handlers } from './ipc.js';
import type { PathRegistry } from './path-guard.js';
import type { Activity, BatchSummary } from './jobs/engine-types.js';
import type { Emit } from './jobs/event-batcher.js';
import { JobEngine } from './jobs/job-engine.js';
import { proverTrustListParser } from './jobs/trust-list-parser.js';
import { TrustListStore } from './jobs/trust-lists.js';
import { ProverSupervisor, type LogLevel, type ProverCommand } from './prover/supervisor.js';
import type { SettingsAccess } from './settings-defaults.js';

export interface AppCoreOptions {
  userData: string;
  /** How to start the prover process with its compiled-circuit cache folder. */
  proverCommand: (cacheDir: string) => ProverCommand;
  settings: SettingsAccess;
  desktop: Desktop;
  emit: Emit;
  /** The app's own log: prover start-up, status changes and output not tied to a job. */
  log?: (level: LogLevel, msg: string) => void;
  onActivity?: (activity: Activity) => void;
  onBatchFinished?: (summary: BatchSummary) => void;
  /** The paths the user picked or dropped in this session (handlers.ts). */
  paths?: PathRegistry;
  /** The sample photo that ships with the app (main/sample-photo.ts). */
  samplePhoto?: string;
}

export interface AppCore {
  engine: JobEngine;
  trustLists: TrustListStore;
  handlers: Handlers;
}

export function createAppCore(options: AppCoreOptions): AppCore {
  const { userData, settings, desktop, emit } = options;
  // Roots are computed by a prover process, which the engine owns: the store asks through it once it exists.
  let engine: JobEngine | undefined;
  const trustLists = new TrustListStore(userData, proverTrustListParser((request) => engine!.ask(request)));
  const command = options.proverCommand(join(userData, 'circuits'));
  engine = new JobEngine({
    root: join(userData, 'engine'),
    emit,
    settings: () => settings.get(),
    trustLists,
    createProver: (role, onStatus) =>
      new ProverSupervisor({
        command,
        warmup: role === 'worker',
        onStatus: (status) => {
          options.log?.('info', `prover (${role}) ${JSON.stringify(status)}`);
          onStatus(status);
        },
        onLog: (level, msg) => options.log?.(level, `prover (${role}): ${msg}`),
      }),
    onActivity: options.onActivity,
    onBatchFinished: options.onBatchFinished,
  });
  return { engine, trustLists, handlers: createHandlers({ engine, settings, trustLists, desktop, emit, paths: options.paths, samplePhoto: options.samplePhoto }) };
}
