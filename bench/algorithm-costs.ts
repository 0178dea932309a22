// What the signature algorithms of real cameras' and apps' photos would cost in the circuit, in rows of o1js's
// constraint system (the prover's time and memory grow with rows): SHA-256 and SHA-384 compressions (o1js's SHA2
// gadget), a P-256 ECDSA verification (the circuit's own step), and whether o1js can hold P-384's 384-bit field at all.
//   npx tsx bench/algorithm-costs.ts
import { Bool, Bytes, createForeignField, Field, Gadgets, Provable, UInt8, ZkProgram } from '../prover/o1js.js';
import { EcdsaStep } from '../prover/circuit/ecdsa-step.js';
import { Limbs, LIMB_SPAN_BYTES, mulMod, rangeCheckLimbs } from '../prover/circuit/rsa/limbs.js';
import { KeySize, MGF_BLOCKS, mgfBlock, pkcs1Message, pssHash, pssMessagePart, SALT_BYTES } from '../prover/circuit/rsa/encoding.js';
import { rsaVerify65537 } from '../prover/circuit/rsa/rsa-verify.js';
import { RsaPower } from '../prover/circuit/rsa/rsa-power.js';
import { FIRST_BLOCKS, RsaPssStep } from '../prover/circuit/rsa/pss-check.js';

const P384 = 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n;

/** Rows of one program hashing `bytes` bytes (a whole number of blocks once padded) with SHA2-`length`. */
async function shaRows(length: 256 | 384, bytes: number): Promise<number> {
  class Input extends Bytes(bytes) {}
  const program = ZkProgram({
    name: `sha2-${length}-${bytes}`,
    publicInput: Input,
    methods: {
      hash: {
        privateInputs: [],
        async method(input: Input) {
          Gadgets.SHA2.hash(length, input);
        },
      },
    },
  });
  return (await program.analyzeMethods()).hash.rows;
}

const figures: Record<string, number | string> = {};
// One block after padding: 55 bytes for SHA-256 (64-byte blocks), 111 for SHA-384 (128-byte blocks); two blocks to
// read off the cost of one more.
const sha256 = [await shaRows(256, 55), await shaRows(256, 119)];
const sha384 = [await shaRows(384, 111), await shaRows(384, 239)];
figures['SHA-256, rows per 64-byte block'] = sha256[1]! - sha256[0]!;
figures['SHA-384, rows per 128-byte block'] = sha384[1]! - sha384[0]!;
figures['SHA-256, rows per byte'] = ((sha256[1]! - sha256[0]!) / 64).toFixed(1);
figures['SHA-384, rows per byte'] = ((sha384[1]! - sha384[0]!) / 128).toFixed(1);
figures['ECDSA P-256 verification (the circuit step), rows'] = (await EcdsaStep.analyzeMethods()).verify.rows;
// RSA (rsa/): numbers of up to 4096 bits in 37 limbs of 112 bits, whatever the key size.
const Digest = Provable.Array(UInt8, 32);
const Salt = Provable.Array(UInt8, SALT_BYTES);
const rsa = ZkProgram({
  name: 'rsa-costs',
  methods: {
    square: { privateInputs: [Limbs, Limbs], async method(x: Field[], n: Field[]) { rangeCheckLimbs(x); rangeCheckLimbs(n); mulMod(x, x, n); } },
    multiply: { privateInputs: [Limbs, Limbs, Limbs], async method(x: Field[], y: Field[], n: Field[]) { rangeCheckLimbs(x); rangeCheckLimbs(y); rangeCheckLimbs(n); mulMod(x, y, n); } },
    pkcs1: {
      privateInputs: [Limbs, Limbs, Digest, KeySize],
      async method(s: Field[], n: Field[], digest: UInt8[], size: Bool[]) {
        rangeCheckLimbs(n);
        rsaVerify65537(s, n, pkcs1Message(digest.map((b) => b.value), size), 'RSA');
      },
    },
    pssEncoding: {
      privateInputs: [Digest, Salt, KeySize],
      async method(digest: UInt8[], salt: UInt8[], size: Bool[]) {
        const h = pssHash(digest, salt);
        const mask = Array.from({ length: MGF_BLOCKS }, (_, j) => mgfBlock(h, j, size));
        pssMessagePart(0, LIMB_SPAN_BYTES, h, salt, (j) => mask[j], size);
      },
    },
  },
});
const rows = await rsa.analyzeMethods();
const power = await RsaPower.analyzeMethods();
figures['RSA: one squaring mod n (4096-bit limbs), rows'] = rows.square.rows - 2 * 37 * 7;
figures['RSA: one multiplication mod n, rows'] = rows.multiply.rows - 3 * 37 * 7;
figures['RSA: PKCS#1 v1.5 verification, e = 65537, one circuit, rows'] = rows.pkcs1.rows;
figures[`RSA: PSS encoding (${MGF_BLOCKS} MGF1 blocks + H), rows`] = rows.pssEncoding.rows;
figures['RSA power step (8 squarings + 1 multiplication), rows'] = power.power.rows;
figures['RSA power start (modulus bytes, s < n), rows'] = power.start.rows;
const pss = await RsaPssStep.analyzeMethods();
figures[`RSA PSS first step (chain proof, H + ${FIRST_BLOCKS} MGF1 blocks), rows`] = pss.first.rows;
figures[`RSA PSS last step (2 proofs, ${MGF_BLOCKS - FIRST_BLOCKS} MGF1 blocks, x = EM), rows`] = pss.last.rows;
try {
  createForeignField(P384);
  figures['P-384 field in o1js'] = 'supported';
} catch (error) {
  figures['P-384 field in o1js'] = `refused: ${(error as Error).message}`;
}
console.log(figures);
