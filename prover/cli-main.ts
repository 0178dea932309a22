// Entry of the `shutterproof` command. Library output that would land on stdout goes to stderr, so stdout carries
// only results (and is valid JSON with --json).
const stdoutWrite = process.stdout.write.bind(process.stdout);
for (const level of ['log', 'info', 'debug'] as const) console[level] = console.error;

process.once('SIGINT', () => {
  process.stderr.write('\ncancelled\n');
  process.exit(130);
});

const { runCli } = await import('./cli.js');
const code = await runCli(process.argv.slice(2), (text) => stdoutWrite(text), (text) => process.stderr.write(text));
process.exitCode = code;
// o1js keeps worker threads alive; a finished command ends now.
setImmediate(() => process.exit(code));
