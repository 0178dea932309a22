#!/usr/bin/env node
// The `shutterproof` command: runs the prover built by `npm run build:prover` (npm ci / npm install run it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../out/node/prover/entry/cli-main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('The prover is not built yet. Run `npm run build:prover` in the Shutterproof folder, then try again.\n');
  process.exit(4);
}
await import(entry.href);
