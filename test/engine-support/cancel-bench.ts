// Measures how long Cancel takes to leave no prover process behind (tests only):
//   node --import tsx test/engine-support/cancel-bench.ts
import { ProverSupervisor } from '../../main/prover/supervisor.js';
import { fakeProverCommand, isAlive } from './prover-double.js';

for (const name of ['hang.jpg', 'stubborn.jpg']) {
  const sup = new ProverSupervisor({ command: fakeProverCommand(), freeMemory: () => 2 ** 40 });
  const controller = new AbortController();
  const run = sup.run({ id: 'j', op: 'prove', input: `/tmp/${name}`, out: '/tmp/sp-cancel-bench' }, { signal: controller.signal });
  await new Promise((r) => setTimeout(r, 500));
  const pid = (sup as unknown as { child: { sub: { pid: number } } }).child.sub.pid;
  const t0 = performance.now();
  controller.abort();
  const outcome = await run;
  console.log(JSON.stringify({ name, cancelMs: Math.round(performance.now() - t0), code: !outcome.ok && outcome.error.code, alive: isAlive(pid) }));
  await sup.stop();
}
