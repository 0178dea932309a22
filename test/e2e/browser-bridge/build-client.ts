// Bundles bridge-client.ts (with preload's createApi) into one script for page.addInitScript.
import { resolve } from 'node:path';
import { build } from 'vite';

export async function bridgeClientScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'bridge-client.ts'), formats: ['iife'], name: 'shutterproofBridge' },
    },
  });
  const first = (Array.isArray(output) ? output[0] : output) as { output: { type: string; code?: string }[] };
  const chunk = first.output.find((item) => item.type === 'chunk');
  if (!chunk?.code) throw new Error('the bridge client did not build');
  return chunk.code;
}
