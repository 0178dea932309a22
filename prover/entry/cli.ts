// `shutterproof prove|verify|inspect` — the same engine as the app, headless. Human-readable lines go to stderr
// (progress) and stdout (results); `--json` prints one JSON document on stdout. Exit codes: 0 ok, 2 invalid input,
// 3 verification failed, 4 internal, 130 cancelled.
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, errorInfo } from '../../common/error-codes.js';
import { toFailure, type Failure } from '../failure.js';
import type { Reporter } from '../reporter.js';
import { defaultCacheDir } from '../runtime.js';

const USAGE = `Usage:
  shutterproof prove <photo>... [--trust-list <pem>] [--out <dir>] [--cache <dir>] [--strip] [--json]
  shutterproof verify <pack.proof.json> [--photo <file>] [--trust-list <pem>] [--cache <dir>] [--json]
  shutterproof inspect <photo> [--trust-list <pem>] [--json]

Without --trust-list, a proof hides the signer among the issuer named in the photo's own credentials.
verify --trust-list checks that the proof is anchored in your list of issuers; without it the result warns that
the list came with the pack.`;

type Out = (text: string) => void;

export async function runCli(argv: string[], out: Out, err: Out): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        'trust-list': { type: 'string' },
        out: { type: 'string' },
        cache: { type: 'string' },
        strip: { type: 'boolean', default: false },
        photo: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}\n`);
    return EXIT.invalidInput;
  }
  const { values, positionals } = parsed;
  if (values.help || !command || command === 'help' || command === '--help') {
    out(USAGE + '\n');
    return command && command !== 'help' && command !== '--help' && !values.help ? EXIT.invalidInput : EXIT.ok;
  }
  const trustList = values['trust-list'] ? resolve(values['trust-list']) : undefined;
  const print = (value: unknown) => out(JSON.stringify(value, null, 2) + '\n');

  switch (command) {
    case 'prove': {
      if (positionals.length === 0) return usageError(err, 'prove needs at least one photo');
      // Each command loads only what it uses: a one-shot `verify` does not pay for the C2PA readers.
      const { provePhoto } = await import('../pipeline/prove-photo.js');
      const cacheDir = resolve(values.cache ?? defaultCacheDir());
      const outDir = resolve(values.out ?? '.');
      // The output folder is checked once before any photo is proved (each proof takes minutes).
      const { prepareOutputFolder } = await import('../pipeline/output-folder.js');
      try {
        await prepareOutputFolder(outDir);
      } catch (error) {
        const failure = toFailure(error);
        describeFailure(err, failure);
        if (values.json) print(positionals.map((photo) => ({ photo, ok: false, error: failure })));
        return errorInfo(failure.code).exit;
      }
      let exit: number = EXIT.ok;
      const results: unknown[] = [];
      for (const photo of positionals) {
        err(`${photo}\n`);
        try {
          const summary = await provePhoto(
            { input: resolve(photo), trustList, out: outDir, strip: values.strip },
            cacheDir,
            consoleReporter(err),
          );
          results.push({ photo, ok: true, ...summary });
          if (!values.json) {
            out(`Proof pack written: ${summary.packPath}\n`);
            if (summary.strippedPath) out(`Photo without credentials: ${summary.strippedPath}\n`);
            out(`assetHash ${summary.publicInputs.assetHash}\ntrustRoot ${summary.publicInputs.trustRoot}\n`);
          }
        } catch (error) {
          const failure = toFailure(error);
          results.push({ photo, ok: false, error: failure });
          describeFailure(err, failure);
          if (exit === EXIT.ok) exit = errorInfo(failure.code).exit;
        }
      }
      if (values.json) print(results);
      return exit;
    }
    case 'verify': {
      if (positionals.length !== 1) return usageError(err, 'verify needs exactly one proof pack');
      return attempt(err, async () => {
        const { readPack, verifyPack } = await import('../pipeline/verify-pack.js');
        const cacheDir = resolve(values.cache ?? defaultCacheDir());
        const trustLists = trustList ? [{ name: basename(trustList).replace(/\.(pem|crt|cer|der)$/i, ''), path: trustList }] : undefined;
        const photoPath = values.photo && resolve(values.photo);
        const summary = await verifyPack(await readPack(resolve(positionals[0])), { photoPath, trustLists, cacheDir });
        if (values.json) print(summary);
        else {
          const { formatVerification } = await import('../pipeline/verify-report.js');
          out(formatVerification(summary));
        }
      });
    }
    case 'inspect': {
      if (positionals.length !== 1) return usageError(err, 'inspect needs exactly one photo');
      let verdict: number = EXIT.ok;
      const read = await attempt(err, async () => {
        const { inspectPhoto } = await import('../pipeline/inspect-photo.js');
        const { formatInspection, inspectExitCode } = await import('../pipeline/inspect-report.js');
        const summary = await inspectPhoto(resolve(positionals[0]), trustList);
        if (values.json) print(summary);
        else out(formatInspection(basename(positionals[0]), summary));
        // "Not valid" is not success: the exit status says which kind of failure it is.
        verdict = inspectExitCode(summary);
      });
      return read === EXIT.ok ? verdict : read;
    }
    default:
      return usageError(err, `unknown command "${command}"`);
  }
}

async function attempt(err: Out, work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return EXIT.ok;
  } catch (error) {
    const failure = toFailure(error);
    describeFailure(err, failure);
    return errorInfo(failure.code).exit;
  }
}

function usageError(err: Out, message: string): number {
  err(`${message}\n\n${USAGE}\n`);
  return EXIT.invalidInput;
}

function describeFailure(err: Out, failure: Failure): void {
  err(`error ${failure.code}: ${failure.message}\n  ${errorInfo(failure.code).hint}\n`);
  if (failure.detail) err(`  detail: ${failure.detail}\n`);
}

function consoleReporter(err: Out): Reporter {
  return {
    stage: (_name, label, index, total) => err(`  [${index + 1}/${total}] ${label}\n`),
    progress: (done, total, etaMs) =>
      err(`      ${done}/${total}${etaMs === undefined ? '' : `, about ${Math.ceil(etaMs / 1000)} s left`}\n`),
    log: (level, msg) => {
      if (level !== 'debug') err(`      ${msg}\n`);
    },
  };
}
