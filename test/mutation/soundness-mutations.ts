// Removes one circuit constraint at a time and runs the constraint test written against it: each run must fail,
// or the test does not guard its constraint. `npx tsx test/mutation/soundness-mutations.ts [test …]` (~5 min; with
// test names, e.g. circuit-rsa-issuer, only the mutations those tests guard); it restores every file it touches, also
// when interrupted.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

interface Mutation {
  file: string;
  remove: string;
  replaceWith?: string;
  test: string;
  name: string;
}

const c = 'prover/circuit/';
const MUTATIONS: Mutation[] = [
  { file: `${c}bind-params.ts`, remove: '    ...captures.flatMap((c) => packBytes(c.bytes)),\n', test: 'circuit-bind', name: 'shifted to keep its RLC' },
  { file: `${c}bind-params.ts`, remove: '    ...captures.flatMap((c) => packBytes(c.bytes)),\n', test: 'circuit-bind', name: 'covers every opened byte' },
  { file: `${c}tbs-walk.ts`, remove: "assertWindow(open(q4), open(q4.add(subject.len)), subject.rlc, 'TBS subject header');", replaceWith: 'void [open(q4), open(q4.add(subject.len))];', test: 'circuit-certificate', name: 'planted' },
  { file: `${c}tbs-walk.ts`, remove: "seen[0].assertEquals(1, 'basicConstraints (cA FALSE) once among the extensions');", test: 'circuit-certificate', name: 'some other extension' },
  { file: `${c}tbs-walk.ts`, remove: "bc.mul(value.sub(9).sub(c.mul(3))).assertEquals(0, 'basicConstraints length');", test: 'circuit-certificate', name: 'CA certificate' },
  { file: `${c}tbs-walk.ts`, remove: "assertLe(Field(0x80), slot.kuBits, 'keyUsage digitalSignature');", test: 'circuit-certificate', name: 'digitalSignature' },
  { file: `${c}tbs-walk.ts`, remove: "slot.ekuPurpose.sub(ID_KP_PURPOSES[0]).mul(slot.ekuPurpose.sub(ID_KP_PURPOSES[1])).assertEquals(0, 'extKeyUsage purpose');", test: 'circuit-certificate', name: 'C2PA purpose' },
  { file: `${c}sig-windows.ts`, remove: "assertLe(c0, p.refAt, 'reference inside the claim');", test: 'circuit-bind', name: 'planted outside the claim' },
  { file: `${c}assertion-windows.ts`, remove: "assertWindow(zeros, end, Field(0), 'the pad is zeros');", replaceWith: 'void zeros;', test: 'circuit-bind', name: 'look-alike hash' },
  { file: `${c}bind-step.ts`, remove: "path.calculateRoot(ca.leaf()).assertEquals(pub.trustRoot, 'CA key in the trust list');", test: 'circuit-bind', name: 'CA outside' },
  { file: `${c}bind-step.ts`, remove: "path.calculateRoot(ca.leaf()).assertEquals(pub.trustRoot, 'CA key in the trust list');", test: 'circuit-rsa-issuer', name: 'not in the trust list' },
  { file: `${c}bind-step.ts`, remove: "caCommitment.assertEquals(ca.commitment(t), 'CA signature proof');", test: 'circuit-rsa-issuer', name: 'another RSA key' },
  { file: `${c}rsa/rsa-check.ts`, remove: "power.squarings.assertEquals(16, 'the power steps reached s^65537');", test: 'circuit-rsa-issuer', name: 'stopped before' },
  { file: `${c}rsa/rsa-check.ts`, remove: "limbsOfBytes(em).forEach((limb, i) => power.x[i].assertEquals(limb, message));", test: 'circuit-rsa-issuer', name: 'another TBS' },
  { file: `${c}rsa/pss-check.ts`, remove: "power.size.forEach((s, i) => s.assertEquals(state.size[i], 'the key size the PSS mask was built for'));", test: 'circuit-rsa-pss', name: 'another key size' },
  { file: `${c}rsa/pss-check.ts`, remove: "first.assertEquals(maskCommitment(state), 'the state the first PSS step committed to');", test: 'circuit-rsa-pss', name: 'mixed' },
  { file: `${c}bind-step.ts`, remove: "  ah.assertEquals(pub.assetHashHi, 'asset hash');\n  al.assertEquals(pub.assetHashLo, 'asset hash');\n", test: 'circuit-bind', name: 'tampered photo' },
];

let restore: (() => void) | undefined;
process.on('SIGINT', () => {
  restore?.();
  process.exit(130);
});

const only = process.argv.slice(2);
const chosen = only.length ? MUTATIONS.filter((m) => only.includes(m.test)) : MUTATIONS;
let survived = 0;
for (const m of chosen) {
  const original = readFileSync(m.file, 'utf8');
  if (!original.includes(m.remove)) throw new Error(`${m.file} no longer contains: ${m.remove}`);
  restore = () => writeFileSync(m.file, original);
  writeFileSync(m.file, original.replace(m.remove, m.replaceWith ?? ''));
  let failed = false;
  try {
    execFileSync('npx', ['vitest', 'run', '--project', 'unit', `test/unit/${m.test}.test.ts`, '-t', m.name], { stdio: 'pipe' });
  } catch {
    failed = true;
  } finally {
    restore();
    restore = undefined;
  }
  if (!failed) survived++;
  console.log(`${failed ? 'caught  ' : 'MISSED  '} ${m.file}: ${m.remove.trim().slice(0, 80)}  (${m.test}: ${m.name})`);
}
console.log(`${chosen.length - survived} of ${chosen.length} removed constraints caught by their tests`);
process.exit(survived === 0 ? 0 : 1);
