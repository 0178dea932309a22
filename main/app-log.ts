// The app's own diagnostic log (prover start-up, warmup, stderr between jobs) in <userData>/logs/app.log, for
// support. Capped: when it passes the limit the old half is kept as app.log.1, so it never grows without bound.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BYTES = 5 * 2 ** 20;

export function openAppLog(folder: string): (level: string, msg: string) => void {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'app.log');
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // No log yet.
  }
  return (level, msg) => {
    const line = `${new Date().toISOString()} ${level} ${msg.slice(0, 4000)}\n`;
    try {
      if (size + line.length > MAX_BYTES) {
        renameSync(file, `${file}.1`);
        size = 0;
      }
      appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // Diagnostics must never take the app down.
    }
  };
}
