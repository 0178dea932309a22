// Runs a JobEngine in its own process so a test can kill -9 it at any moment (tests only). Usage:
//   node --import tsx engine-child.ts <root> <photo>...
// Prints "running <id>" when a job is seen running, one line per finished job ("done <id> <state>") and "added <n>" once the photos are queued.
import { makeEngine } from './engine-harness.js';

const [root, ...paths] = process.argv.slice(2);
const seen = new Set<string>();
const h = makeEngine({
  root,
  env: { FAKE_PROVER_STEP_MS: '150' },
  deps: {
    emit: (channel, payload) => {
      if (channel !== 'jobs:changed') return;
      for (const job of (payload as { upserts: { id: string; state: string }[] }).upserts) {
        if (job.state === 'running') process.stdout.write(`running ${job.id}\n`);
        if ((job.state === 'succeeded' || job.state === 'failed') && !seen.has(job.id)) {
          seen.add(job.id);
          process.stdout.write(`done ${job.id} ${job.state}\n`);
        }
      }
    },
  },
});
h.engine.open();
if (paths.length) {
  const outcome = await h.engine.add({ paths });
  process.stdout.write(`added ${outcome.added}\n`);
}
