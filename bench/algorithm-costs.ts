// What the signature algorithms of real cameras' and apps' photos would cost in the circuit, in rows of o1js's
// constraint system (the prover's time and memory grow with rows): SHA-256 and SHA-384 compressions (o1js's SHA2
// gadget), a P-256 ECDSA verification (the circuit's own step), and whether o1js can hold P-384's 384-bit field at all.
//   npx tsx bench/algorithm-costs.ts
import { Bytes, createForeignField, Gadgets, ZkProgram } from '../prover/o1js.js';
import { EcdsaStep } from '../prover/circuit/ecdsa-step.js';

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
try {
  createForeignField(P384);
  figures['P-384 field in o1js'] = 'supported';
} catch (error) {
  figures['P-384 field in o1js'] = `refused: ${(error as Error).message}`;
}
console.log(figures);
