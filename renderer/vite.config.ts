// Standalone build of the renderer as a plain static site (out/renderer-web), for the browser end-to-end harness
// that injects window.shutterproof itself. Relative asset paths (base './') so any static server or folder works.
// The app's own build goes through electron.vite.config.ts.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { devCsp } from './vite-dev-csp.js';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  plugins: [react(), devCsp()],
  build: {
    outDir: resolve(root, '../out/renderer-web'),
    emptyOutDir: true,
    // Chromium in Electron 45 and the harness both understand modern output.
    target: 'es2022',
  },
});
