// COSE_Sign1 (RFC 9052) as C2PA uses it: detached payload (the claim), x5chain (RFC 9360, label 33) in the
// protected or unprotected header. Byte strings decoded by cbor-x are the original bytes verbatim, so the protected
// header we return is exactly what was signed; nothing is re-encoded.
import { Decoder, Tag } from 'cbor-x';
import { ShutterproofError } from '../../common/error-codes.js';
import { broken } from './jumbf.js';

export const ES256 = -7;
const ALG_NAMES: Record<number, string> = { [-7]: 'ES256', [-35]: 'ES384', [-36]: 'ES512', [-8]: 'EdDSA', [-37]: 'PS256', [-38]: 'PS384', [-39]: 'PS512' };
const X5CHAIN = 33;

/** "ES256", "PS256", … or the COSE number of an algorithm without a name here. */
export function algName(alg: number): string {
  return ALG_NAMES[alg] ?? `COSE algorithm ${alg}`;
}

export const cborDecoder = new Decoder({ mapsAsObjects: false, useRecords: false });

export interface CoseSign1 {
  protectedHeader: Uint8Array;
  alg: number;
  certChain: Uint8Array[];
  x5chainIn: 'protected' | 'unprotected';
  signature: Uint8Array;
}

export function decodeCbor(bytes: Uint8Array, what: string): unknown {
  try {
    return cborDecoder.decode(bytes);
  } catch (error) {
    throw new ShutterproofError('manifest_invalid', `the ${what} is not valid CBOR: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

export function parseCoseSign1(bytes: Uint8Array): CoseSign1 {
  let value = decodeCbor(bytes, 'COSE signature');
  if (value instanceof Tag) {
    if (value.tag !== 18) throw broken(`the signature carries CBOR tag ${value.tag}, not COSE_Sign1 (18)`);
    value = value.value;
  }
  if (!Array.isArray(value) || value.length !== 4) throw broken('the signature is not a 4-element COSE_Sign1 array');
  const [protectedBytes, unprotected, payload, signature] = value as unknown[];
  if (!(protectedBytes instanceof Uint8Array)) throw broken('the COSE protected header is not a byte string');
  if (!(unprotected instanceof Map)) throw broken('the COSE unprotected header is not a map');
  if (payload !== null && payload !== undefined) throw broken('the COSE payload is not detached');
  if (!(signature instanceof Uint8Array)) throw broken('the COSE signature value is not a byte string');

  const protectedMap = protectedBytes.length === 0 ? new Map() : decodeCbor(protectedBytes, 'COSE protected header');
  if (!(protectedMap instanceof Map)) throw broken('the COSE protected header is not a map');
  const alg = protectedMap.get(1);
  if (typeof alg !== 'number') throw broken('the COSE protected header has no algorithm');
  // Any algorithm is read, so `inspect` can report on the whole manifest; validation refuses what cannot be proved.
  if (alg === ES256 && signature.length !== 64) throw broken(`an ES256 signature is 64 bytes, this one is ${signature.length}`);

  const inProtected = x5chainOf(protectedMap);
  const inUnprotected = x5chainOf(unprotected);
  if (inProtected && inUnprotected) throw broken('x5chain appears in both COSE headers');
  const certChain = inProtected ?? inUnprotected;
  if (!certChain) throw broken('the COSE signature carries no x5chain certificate chain');
  return {
    protectedHeader: copy(protectedBytes),
    alg,
    certChain,
    x5chainIn: inProtected ? 'protected' : 'unprotected',
    signature: copy(signature),
  };
}

function x5chainOf(header: Map<unknown, unknown>): Uint8Array[] | undefined {
  // Label 33 per RFC 9360; early C2PA writers used the text label.
  const value = header.get(X5CHAIN) ?? header.get('x5chain');
  if (value === undefined) return undefined;
  const certs = value instanceof Uint8Array ? [value] : value;
  if (!Array.isArray(certs) || certs.length === 0 || !certs.every((c) => c instanceof Uint8Array))
    throw broken('x5chain is neither a certificate nor a list of certificates');
  return certs.map(copy);
}

/** CBOR `["Signature1", protected, h'', payload]` with minimal-length heads, as every COSE signer serialises it. */
export function sigStructure(protectedHeader: Uint8Array, payload: Uint8Array): Uint8Array {
  const context = new TextEncoder().encode('Signature1');
  const parts = [
    Uint8Array.of(0x84),
    head(3, context.length),
    context,
    head(2, protectedHeader.length),
    protectedHeader,
    head(2, 0),
    head(2, payload.length),
    payload,
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function head(major: number, length: number): Uint8Array {
  const m = major << 5;
  if (length < 24) return Uint8Array.of(m | length);
  if (length < 0x100) return Uint8Array.of(m | 24, length);
  if (length < 0x10000) return Uint8Array.of(m | 25, length >> 8, length & 0xff);
  return Uint8Array.of(m | 26, length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
}

function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
