// Test double of the prover process (tests only). Speaks the NDJSON protocol of common/prover-protocol.ts; what it
// does for a `prove` request is chosen by words in the photo's file name, so one test can script a whole batch:
//   crash    exit 1 with a stack on stderr          oom      V8 heap message on stderr, exit 134
//   once     crash unless <out>/.crashed-once exists (then it exists: the retry succeeds)
//   hang     never answer                            stubborn like hang, and ignore SIGTERM
//   flood    5,000 log events and 2,000 stderr lines before the result
//   nocc     error event no_content_credentials      slow     answers after FAKE_PROVER_SLOW_MS (default 3000)
//   precheck-<code>  the quick `check` request answers with that error code (every other photo passes it)
//   garbage  prints non-JSON and invalid events before the result
//   firehose FAKE_PROVER_FIREHOSE_RATE log lines a second (default 50,000) for FAKE_PROVER_FIREHOSE_SECONDS (10)
// Its packs are sealed (a hash of their public inputs stands in for the proof), so `verify` gives the real
// verdicts by the same rules as the prover: not a pack, forged (inputs edited after sealing), a photo other than the
// one proved (by file name: the fake's asset hash is the hash of the photo's name), no trust list of the user's
// holding its root, or valid (naming the authority when the matching list has one certificate). A trust list's
// root (`trust-list` request) is a hash of its text; a proof made without one has the "issuer only" root 67890.
// Flags: --hello-delay <ms>, --warmup-ms <ms>, --die-at-start, --die-in-warmup. FAKE_PROVER_LOG=<file> appends each
// request line (tests use it to see what was asked and in which order).
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const num = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const send = (event) => process.stdout.write(JSON.stringify(event) + '\n');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const ISSUER_ONLY_ROOT = '67890';
const fakeRoot = (pem) => BigInt('0x' + sha256(pem).slice(0, 12)).toString();
const seal = (assetHash, trustRoot) => sha256(`fake proof of ${assetHash} under ${trustRoot}`);
const readText = (path) => {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
};

if (flag('--die-at-start')) {
  process.stderr.write('fake prover: cannot start\n');
  process.exit(3);
}

await sleep(num('--hello-delay', 0));
send({ id: '*', type: 'hello', version: '0.0.0-test', circuit: { id: 'c2pa-es256', version: 2 }, pid: process.pid });

async function prove(req) {
  const name = basename(req.input);
  const id = req.id;
  if (name.includes('once')) {
    const marker = join(req.out, '..', '.crashed-once-' + name);
    if (!existsSync(marker)) {
      mkdirSync(join(req.out, '..'), { recursive: true });
      writeFileSync(marker, '');
      process.stderr.write('Error: simulated crash\n    at prove (fake-prover.mjs)\n');
      process.exit(1);
    }
  }
  if (name.includes('crash')) {
    process.stderr.write('Error: simulated crash\n    at prove (fake-prover.mjs)\n');
    process.exit(1);
  }
  if (name.includes('oom')) {
    process.stderr.write('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n');
    process.exit(134);
  }
  if (name.includes('stubborn')) process.on('SIGTERM', () => process.stderr.write('ignoring SIGTERM\n'));
  if (name.includes('hang') || name.includes('stubborn')) {
    send({ id, type: 'stage', name: 'prove', label: 'Making the proof', index: 0, total: 1 });
    await new Promise(() => setInterval(() => undefined, 1000));
  }
  if (name.includes('nocc')) {
    send({ id, type: 'error', code: 'no_content_credentials', message: 'no credentials', retryable: false, detail: 'no JUMBF box' });
    return;
  }
  if (name.includes('garbage')) {
    process.stdout.write('this is not json\n');
    send({ id, type: 'progress', done: 'x' });
    send({ id, type: 'teleport' });
  }
  if (name.includes('flood')) {
    for (let i = 0; i < 5000; i++) send({ id, type: 'log', level: 'debug', msg: `flood line ${i}` });
    for (let i = 0; i < 2000; i++) process.stderr.write(`stderr flood ${i}\n`);
  }
  if (name.includes('firehose')) await firehose(id);
  const stages = ['read', 'prove', 'verify'];
  for (const [index, stage] of stages.entries()) {
    send({ id, type: 'stage', name: stage, label: `Step ${stage}`, index, total: stages.length });
    send({ id, type: 'progress', done: index + 1, total: stages.length, etaMs: 10 });
    if (name.includes('late-count') && stage === 'prove') {
      // Like the prover and its branch helper: a lower count of the same stage can arrive after a higher one.
      await sleep(150);
      send({ id, type: 'progress', done: index, total: stages.length, etaMs: 20 });
      await sleep(150);
    }
    send({ id, type: 'log', level: 'info', msg: `${stage} done for ${name}` });
    await sleep(Number(process.env.FAKE_PROVER_STEP_MS ?? 10));
  }
  if (name.includes('slow')) await sleep(Number(process.env.FAKE_PROVER_SLOW_MS ?? 3000));
  mkdirSync(req.out, { recursive: true });
  const packPath = join(req.out, name.replace(/\.(jpe?g|png)$/i, '') + '.proof.json');
  const assetHash = sha256(name);
  const listText = req.trustList && readText(req.trustList);
  const trustRoot = req.trustList ? (listText ? fakeRoot(listText) : '12345') : ISSUER_ONLY_ROOT;
  writeFileSync(packPath, JSON.stringify({ format: 'shutterproof.proof/v2', assetHash, trustRoot, proof: seal(assetHash, trustRoot), createdAt: new Date().toISOString() }));
  let strippedPath;
  if (req.strip) {
    strippedPath = join(req.out, 'stripped-' + name);
    writeFileSync(strippedPath, 'stripped');
  }
  const summary = {
    packPath,
    ...(strippedPath ? { strippedPath } : {}),
    publicInputs: { assetHash, trustRoot },
    verified: true,
    circuit: { id: 'c2pa-es256', version: 2, vkHash: '42' },
    trustList: { name: req.trustList ? 'imported' : "This photo's issuer only", root: trustRoot, size: 1 },
    timings: { totalMs: 30, steps: [{ name: 'prove', ms: 30 }] },
  };
  send({ id, type: 'result', packPath, summary });
}

function verify(req) {
  const fail = (code, detail) => send({ id: req.id, type: 'error', code, message: code, retryable: false, detail });
  const text = readText(req.pack);
  if (text === undefined) return fail('unreadable_file', `cannot read ${req.pack}`);
  let pack;
  try {
    pack = JSON.parse(text);
  } catch {
    return fail('pack_invalid', 'not JSON');
  }
  if (!String(pack?.format).startsWith('shutterproof.proof/')) return fail('pack_invalid', 'no proof pack format');
  const { assetHash, trustRoot } = pack;
  if (pack.proof !== seal(assetHash, trustRoot)) return fail('proof_invalid', 'the proof does not verify against its public inputs');
  if (req.photo && sha256(basename(req.photo)) !== assetHash) return fail('photo_mismatch', `the proof is about ${assetHash}`);
  let anchor = null;
  if (req.trustLists?.length) {
    for (const list of req.trustLists) {
      const pem = readText(list.path) ?? '';
      if (fakeRoot(pem) !== trustRoot) continue;
      const certs = pem.split('-----BEGIN CERTIFICATE-----').length - 1;
      anchor = { list: list.name, issuers: certs, ...(certs === 1 ? { issuer: subjectName(pem) } : {}) };
      break;
    }
    if (!anchor) return fail('trust_list_mismatch', `no list of yours has the root ${trustRoot}`);
  }
  const summary = {
    valid: true,
    verified: { assetHash, trustRoot, ...(req.photo ? { photoMatches: true } : {}), anchor },
    ...(anchor ? {} : { warning: 'No trust list of yours was used: this proof is anchored only in a list that came with the pack.' }),
    publicInputs: { assetHash, trustRoot },
    unverifiedNotes: { trustListName: trustRoot === ISSUER_ONLY_ROOT ? "This photo's issuer only" : 'imported', trustListIssuers: [{}], createdAt: pack.createdAt ?? new Date(0).toISOString() },
  };
  send({ id: req.id, type: 'result', summary });
}

/** The common name of the (last, i.e. subject) CN in a one-certificate PEM; the fake needs no certificate parser. */
function subjectName(pem) {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const names = [];
  for (let at = der.indexOf(Buffer.from([0x55, 0x04, 0x03])); at >= 0; at = der.indexOf(Buffer.from([0x55, 0x04, 0x03]), at + 3)) {
    const length = der[at + 4];
    names.push(der.subarray(at + 5, at + 5 + length).toString('utf8'));
  }
  return names.at(-1) ?? 'an authority';
}

/** Log lines at a steady rate, in 10 ms slices, honouring stdout back-pressure like the real prover would. */
async function firehose(id) {
  const rate = Number(process.env.FAKE_PROVER_FIREHOSE_RATE ?? 50_000);
  const seconds = Number(process.env.FAKE_PROVER_FIREHOSE_SECONDS ?? 10);
  const perSlice = Math.round(rate / 100);
  const start = Date.now();
  let line = 0;
  for (let slice = 0; slice < seconds * 100; slice++) {
    let chunk = '';
    for (let i = 0; i < perSlice; i++) chunk += JSON.stringify({ id, type: 'log', level: 'debug', msg: `firehose line ${line++}` }) + '\n';
    if (!process.stdout.write(chunk)) await new Promise((done) => process.stdout.once('drain', done));
    const due = start + (slice + 1) * 10;
    if (due > Date.now()) await sleep(due - Date.now());
  }
}

async function handle(req) {
  if (process.env.FAKE_PROVER_LOG) appendFileSync(process.env.FAKE_PROVER_LOG, JSON.stringify(req) + '\n');
  switch (req.op) {
    case 'warmup': {
      if (flag('--die-in-warmup')) {
        process.stderr.write('fake prover: died compiling\n');
        process.exit(1);
      }
      send({ id: req.id, type: 'stage', name: 'prepare', label: 'Preparing the prover', index: 0, total: 1 });
      const ms = num('--warmup-ms', 0);
      for (let i = 1; i <= 4; i++) {
        await sleep(ms / 4);
        send({ id: req.id, type: 'progress', done: i, total: 4 });
      }
      send({ id: req.id, type: 'result', summary: { ms } });
      return;
    }
    case 'prove':
      return prove(req);
    case 'check': {
      const code = /precheck-([a-z_]+?)(?:[.-]|$)/.exec(basename(req.input))?.[1];
      if (code) send({ id: req.id, type: 'error', code, message: code, retryable: false, detail: `simulated ${code}` });
      else send({ id: req.id, type: 'result', summary: { ok: true, issuers: 1 } });
      return;
    }
    case 'verify':
      return verify(req);
    case 'trust-list':
      send({ id: req.id, type: 'result', summary: { root: fakeRoot(req.pem) } });
      return;
    case 'shutdown':
      send({ id: req.id, type: 'result', summary: {} });
      process.exit(0);
    default:
      send({ id: req.id ?? '*', type: 'error', code: 'bad_request', message: 'bad request', retryable: false });
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  await handle(JSON.parse(line));
}
process.exit(0);
