// The RSA SubjectPublicKeyInfo pattern (rsa-spki.ts) against real certificates: the native frame rebuilds the DER
// that @peculiar/x509 wrote for 2048- and 4096-bit keys, and the in-circuit pattern has that DER's RLC for the right
// modulus and size only.
import { beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { Bool, Field, Provable } from '../../prover/o1js.js';
import { rlc } from '../../prover/circuit/rlc-gadgets.js';
import { RlcContext } from '../../prover/circuit/window-gadgets.js';
import { KEY_BYTES, KeySize } from '../../prover/circuit/rsa/encoding.js';
import { Limbs, toLimbs } from '../../prover/circuit/rsa/limbs.js';
import { rsaSpkiDer, rsaSpkiPattern } from '../../prover/circuit/rsa/rsa-spki.js';
import { loadTestPki } from '../support/pki.js';

interface Key {
  n: bigint;
  size: number;
  spki: Uint8Array;
}
let keys: Key[];
const r = Field(0x1234_5678_9abc_def0_1357_9bdf_2468_ace0n);

beforeAll(async () => {
  const pki = await loadTestPki();
  keys = [pki.rsaLeaf, pki.rsa4096Leaf].map((cert) => {
    const key = new X509Certificate(cert.der).publicKey;
    const n = BigInt('0x' + Buffer.from(key.export({ format: 'jwk' }).n!, 'base64url').toString('hex'));
    const size = KEY_BYTES.findIndex((k) => n >> BigInt(8 * k - 1) === 1n);
    return { n, size, spki: new Uint8Array(key.export({ type: 'spki', format: 'der' })) };
  });
});

/** Checks in the circuit that the pattern for (n, size) has the RLC of `expected`. */
function check(n: bigint, size: number, expected: Uint8Array) {
  return Provable.runAndCheck(() => {
    const limbs = Provable.witness(Limbs, () => toLimbs(n).map((x) => Field(x)));
    const flags = Provable.witness(KeySize, () => KEY_BYTES.map((_, i) => Bool(i === size)));
    const piece = rsaSpkiPattern(new RlcContext(r), limbs, flags);
    piece.len.assertEquals(expected.length, 'pattern length');
    piece.rlc.assertEquals(rlc([...expected].map((b) => Field(b)), r), 'the DER of the key');
  });
}

describe('RSA SubjectPublicKeyInfo pattern', () => {
  it('rebuilds the DER of 2048- and 4096-bit keys, natively and in the circuit', async () => {
    for (const key of keys) {
      expect(Buffer.from(rsaSpkiDer(key.n, KEY_BYTES[key.size])).equals(Buffer.from(key.spki))).toBe(true);
      await check(key.n, key.size, key.spki);
    }
  }, 60_000);

  it('refuses another modulus under the same frame, and the right modulus claimed at another size', async () => {
    const [key2048, key4096] = keys;
    await expect(check(key2048.n ^ 2n, key2048.size, key2048.spki)).rejects.toThrow(/the DER of the key/);
    // The 4096-bit modulus read as 3072 bits: its top byte would be past the pattern, and the length differs.
    await expect(check(key4096.n, 1, key4096.spki)).rejects.toThrow(/pattern length|the DER of the key/);
  }, 60_000);
});
