// Builds the three Electron targets into out/: main (ESM), preload (CommonJS — a sandboxed preload cannot load
// ESM), renderer (React). The prover is built separately by `npm run build:prover` into out/node.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { devCsp } from './renderer/vite-dev-csp.js';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies load from node_modules at run time instead of being bundled.
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(root, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only `electron` and a few built-ins: bundle everything else in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // The dev server's React preamble is an inline script; devCsp relaxes the page's CSP for `npm run dev` only.
    plugins: [react(), devCsp()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
