// Reads requests one line at a time and answers each with events ending in exactly one `result` or `error`.
// Requests run one after another: a proof uses every core and gigabytes of memory.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { ShutterproofError } from '../../common/error-codes.js';
import { PROCESS_EVENT_ID, proverRequest, type ProverRequest } from '../../common/prover-protocol.js';
import { CIRCUIT_ID, CIRCUIT_VERSION, keysCachedIn, trustRoot } from '../circuit/index.js';
import { ensureCompiled } from '../pipeline/compiled-circuit.js';
import { toFailure } from '../failure.js';
import { checkPhoto } from '../pipeline/check-photo.js';
import { inspectPhoto } from '../pipeline/inspect-photo.js';
import { provePhoto } from '../pipeline/prove-photo.js';
import type { Reporter } from '../reporter.js';
import { APP_VERSION, BACKEND, circuitCacheDir, defaultCacheDir } from '../runtime.js';
import { parseTrustList } from '../trust/trust-list.js';
import { readPack, verifyPack } from '../pipeline/verify-pack.js';

type Send = (event: Record<string, unknown>) => void;

export async function runServer(argv: string[], input: Readable, send: Send): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { cache: { type: 'string' } } });
  const cacheDir = values.cache ?? defaultCacheDir();
  send({
    id: PROCESS_EVENT_ID,
    type: 'hello',
    version: APP_VERSION,
    circuit: { id: CIRCUIT_ID, version: CIRCUIT_VERSION },
    pid: process.pid,
  });
  send({ id: PROCESS_EVENT_ID, type: 'log', level: 'info', msg: `prover ready (backend ${BACKEND}, cache ${cacheDir})` });

  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const request = parseRequest(line, send);
    if (!request) continue;
    await handle(request, cacheDir, send);
    if (request.op === 'shutdown') break;
  }
}

function parseRequest(line: string, send: Send): ProverRequest | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    send(badRequest(PROCESS_EVENT_ID, 'the request is not JSON'));
    return undefined;
  }
  const parsed = proverRequest.safeParse(json);
  if (parsed.success) return parsed.data;
  const id = typeof (json as { id?: unknown })?.id === 'string' ? (json as { id: string }).id : PROCESS_EVENT_ID;
  const issue = parsed.error.issues[0];
  send(badRequest(id, `${issue?.path.join('.') || 'request'}: ${issue?.message}`));
  return undefined;
}

function badRequest(id: string, detail: string) {
  return { id, type: 'error', ...toFailure(new ShutterproofError('bad_request', detail)) };
}

async function handle(request: ProverRequest, cacheDir: string, send: Send): Promise<void> {
  const { id } = request;
  const report: Reporter = {
    requestId: id,
    stage: (name, label, index, total) => send({ id, type: 'stage', name, label, index, total }),
    progress: (done, total, etaMs) => send({ id, type: 'progress', done, total, ...(etaMs === undefined ? {} : { etaMs }) }),
    log: (level, msg) => send({ id, type: 'log', level, msg }),
  };
  try {
    switch (request.op) {
      case 'prove': {
        const summary = await provePhoto(request, cacheDir, report);
        send({ id, type: 'result', packPath: summary.packPath, summary });
        break;
      }
      case 'inspect':
        send({ id, type: 'result', summary: await inspectPhoto(request.input, request.trustList) });
        break;
      case 'check':
        send({ id, type: 'result', summary: { ...(await checkPhoto(request.input, request.trustList)) } });
        break;
      case 'verify': {
        const summary = await verifyPack(await readPack(request.pack), { photoPath: request.photo, trustLists: request.trustLists, cacheDir });
        send({ id, type: 'result', summary: { ...summary } });
        break;
      }
      case 'warmup': {
        // 'compile' when the keys must be made (minutes, once per computer and version), 'prepare' when they are loaded.
        const firstTime = !keysCachedIn(circuitCacheDir(cacheDir));
        report.stage(firstTime ? 'compile' : 'prepare', firstTime ? 'Getting the prover ready for the first time' : 'Getting the prover ready', 0, 1);
        const t0 = Date.now();
        const keys = await ensureCompiled(cacheDir, (done, total, label) => {
          report.progress(done, total);
          report.log('info', label);
        });
        send({ id, type: 'result', summary: { ms: Date.now() - t0, vkHash: keys.verificationKey.hash, backend: keys.backend } });
        break;
      }
      case 'trust-list': {
        const list = await parseTrustList(request.pem, request.name);
        const root = trustRoot(list.cas.map((ca) => ca.publicKey)).toString();
        send({ id, type: 'result', summary: { name: list.name, root, size: list.cas.length } });
        break;
      }
      case 'shutdown':
        send({ id, type: 'result', summary: {} });
        break;
    }
  } catch (error) {
    const failure = toFailure(error);
    if (failure.code === 'internal_error' && error instanceof Error && error.stack) report.log('error', error.stack);
    send({ id, type: 'error', ...failure });
  }
}
