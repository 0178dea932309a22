// How a Node process that proves is started, by the app (Electron as Node) and by the `shutterproof prove` command.
// Measured with bench/prover-bench.ts on a signed 4000x3000 JPEG: without a heap limit V8 lets the garbage of
// o1js's compile grow the JS heap to ~2.2 GB (1.3 GB of it live) and keeps those pages. With a 2 GiB heap limit and
// two glibc malloc arenas (instead of 8 per core, which hold freed native memory) the prover's resident memory was
// 0.4-0.8 GB lower between proof steps and its peak 7.0 GB instead of 7.3 GB, with the same step times; the heap
// limit alone took the compile's peak from 3.3 to 2.4 GB. After compile ~1.06 GB of the heap is live (o1js's constraint
// systems); a 1.5 GiB limit took the proof's peak from 6,473 to 6,093 MB with no slower steps, and a cold compile
// still fits (204 s). The RSA-issuer circuit (c2pa-es256-rsa) has five programs, not three: loading their keys from
// the cache ran out of a 1.5 GiB heap at the final step ("Reached heap limit"), so the limit is 2.5 GiB (that proof's
// peak: 6,864 MB). A P-256-issuer proof with the 2.5 GiB limit peaked at 5,569 MB (5,497 MB with 1.5 GiB).
// --expose-gc lets the prover run a full garbage collection after each proof step (prover/circuit/prover.ts): o1js's
// native backend keeps witness and proof buffers behind small JS objects whose native size V8 does not count, so
// without it they were freed only when the heap happened to fill. Same input, warm cache: resident after the sixth
// step 5,070 -> 4,284 MB, peak 6,024 -> 5,138 MB, wall 446 -> 411 s (each collection takes 1.7-2.8 s).
export const PROVER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=2560', '--expose-gc'];
export const PROVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
/** Set in a process started with these settings, so a command that re-launches itself does so once. */
export const PROVER_PROCESS_MARK = 'SHUTTERPROOF_PROVER_PROCESS';
