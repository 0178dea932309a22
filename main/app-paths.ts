// Where the app's parts are, in development (run from the repository) and when packaged (electron-builder puts the
// built prover and its node_modules in app.asar.unpacked so a plain Node process can resolve and load them).
import { join } from 'node:path';
import { app } from 'electron';
import { PROVER_ENV, PROVER_NODE_FLAGS } from '../common/prover-process.js';
import { minimalEnv, type ProverCommand } from './prover/supervisor.js';

/** The folder that holds the built prover (`out/node`). */
export function proverRoot(): string {
  const base = app.isPackaged ? app.getAppPath().replace(/app\.asar$/, 'app.asar.unpacked') : app.getAppPath();
  return join(base, 'out', 'node');
}

export function proverCommand(cacheDir: string): ProverCommand {
  // Electron's own binary runs the prover as plain Node: no second runtime to ship. This is why the RunAsNode fuse
  // stays on in electron-builder.yml (README "Packaging"): the prover needs V8 flags at start-up and starts its
  // branch helper the same way. NODE_OPTIONS and --inspect are fused off, so only these arguments shape it.
  return {
    file: process.execPath,
    args: [...PROVER_NODE_FLAGS, join(proverRoot(), 'prover', 'entry', 'process-main.js'), '--cache', cacheDir],
    env: minimalEnv({ ELECTRON_RUN_AS_NODE: '1', ...PROVER_ENV }),
  };
}

export function bundledTrustListsDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'trust-lists') : join(app.getAppPath(), 'resources', 'trust-lists');
}

/** The sample photo and its demo authority (resources/sample; `extraResources` in electron-builder.yml). */
export function bundledSampleDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'sample') : join(app.getAppPath(), 'resources', 'sample');
}
