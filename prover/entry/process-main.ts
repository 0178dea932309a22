// The long-lived prover process: NDJSON requests on stdin, events on stdout (DESIGN §5). stdout belongs to the
// protocol alone, so everything else that would print there (o1js, libraries) is sent to stderr first; the handlers
// are imported only after that. Before anything heavy loads, a watchdog thread starts that kills this process
// within a quarter of a second of its parent going away, even mid-step (parent-watchdog.ts).
const { watchParent } = await import('./parent-watchdog.js');
watchParent();
const stdoutWrite = process.stdout.write.bind(process.stdout);
for (const level of ['log', 'info', 'debug'] as const) console[level] = console.error;
process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
  (process.stderr.write as (...a: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stdout.write;

const send = (event: Record<string, unknown>) => stdoutWrite(JSON.stringify(event) + '\n');

// A helper process that proves half of a proof (branch-helper.ts) may write its progress events here too.
const { shareProtocolOutput } = await import('../pipeline/branch-helper.js');
shareProtocolOutput();
const { runServer } = await import('./server.js');
await runServer(process.argv.slice(2), process.stdin, send);
// stdin closed or shutdown asked: o1js worker threads would keep the process alive.
process.exit(0);
