// One RSA-4096 signature's s^65537 mod n proved for real with the recursive steps of rsa-power.ts (start + 2 power
// steps): compile and prove times, and the process's peak RSS, on this machine.
//   npx tsx bench/rsa-power-bench.ts [--cache DIR]
import { constants, generateKeyPairSync, sign } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Bool, Cache, Field, UInt8 } from '../prover/o1js.js';
import { toLimbs } from '../prover/circuit/rsa/limbs.js';
import { KEY_BYTES } from '../prover/circuit/rsa/encoding.js';
import { PowerState, powerCommitment, RsaPower, POWER_STEPS } from '../prover/circuit/rsa/rsa-power.js';
import { powMod } from '../prover/circuit/field-native.js';
import { bigintOf, bytesLE, rsaModulus } from '../prover/circuit/rsa/rsa-native.js';

const { values } = parseArgs({ options: { cache: { type: 'string', default: '/tmp/shutterproof-bench/rsa-power' } } });
const key = generateKeyPairSync('rsa', { modulusLength: 4096, publicExponent: 65537 }).privateKey;
const signature = sign('sha256', Buffer.from('bench'), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
const { n, size } = rsaModulus(key)!;
const s = bigintOf(signature);
const limbs = (x: bigint) => toLimbs(x).map((v) => Field(v));
const sizes = KEY_BYTES.map((_, i) => Bool(i === size));

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
let t0 = performance.now();
await RsaPower.compile({ cache: Cache.FileSystem(values.cache) });
const figures: Record<string, string | number> = { 'compile (s)': seconds(t0) };

t0 = performance.now();
let proof = (await RsaPower.start(bytesLE(n).map((b) => UInt8.from(b)), sizes, limbs(s))).proof;
figures['start (s)'] = seconds(t0);
let x = s;
for (let step = 0; step < POWER_STEPS; step++) {
  const state = new PowerState({ n: limbs(n), size: sizes, s: limbs(s), x: limbs(x), squarings: Field(8 * step) });
  t0 = performance.now();
  proof = (await RsaPower.power(proof, state)).proof;
  figures[`power step ${step + 1} (s)`] = seconds(t0);
  x = powMod(x, 256n, n) * (step === POWER_STEPS - 1 ? s : 1n) % n;
}
const expected = powerCommitment(new PowerState({ n: limbs(n), size: sizes, s: limbs(s), x: limbs(x), squarings: Field(16) }));
figures['commits to s^65537 mod n'] = String(proof.publicOutput.equals(expected).toBoolean());
figures['x = EMSA-PSS of the message (ends in BC)'] = String((x & 0xffn) === 0xbcn);
figures['verifies'] = String(await RsaPower.verify(proof));
figures['peak RSS (MB)'] = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(figures);
