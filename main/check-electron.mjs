// Run before `npm start` / `npm run dev`: Electron's npm package ships without its binary (it is downloaded by a
// separate step), so say plainly what is missing and how to get it instead of failing inside Electron's CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const pathFile = join(electronDir, 'path.txt');

const installed = () => existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));

if (process.env.ELECTRON_OVERRIDE_DIST_PATH || installed()) process.exit(0);
// First run after `npm install`: fetch the binary now (electron's own installer), so install-and-run is one line.
console.error(`Fetching Electron ${version} (first run only)…`);
spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', timeout: 10 * 60_000 });
if (installed()) process.exit(0);

console.error(`
Shutterproof needs Electron ${version}'s program, which is not installed yet
(node_modules/electron/path.txt is missing).

  • It could not be downloaded now. With internet access, run npm start again.
  • Offline: copy an unpacked Electron ${version} for this platform to a folder and run
        ELECTRON_OVERRIDE_DIST_PATH=/that/folder npm start

Everything else works without it: the command line (npx shutterproof prove photo.jpg),
and the tests (npm test) — only the Electron smoke test is skipped.
`);
process.exit(1);
