import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Four projects, from fast to slow. `npm test` runs them all; `npm run test:unit` only the fast Node ones.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 60_000,
          // electron-store imports electron: inlined, it sees the tests' mock of electron instead of the binary.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          // Real proofs: minutes each, GBs of RAM. One file at a time.
          fileParallelism: false,
          testTimeout: 40 * 60_000,
          hookTimeout: 40 * 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 40 * 60_000,
          hookTimeout: 40 * 60_000,
        },
      },
    ],
  },
});
