// The SRS (commitment keys) and Lagrange bases every compile, proof and verification needs. o1js caches them as JSON
// and converts every point through bigints on each start: 1.2-1.5 s for the 2^16 Fp SRS alone, about 2 s of a fresh
// `verify`. With the native backend this store keeps them next to the keys in a flat binary form (the backend's own
// point bytes) that loads in about a tenth of that; o1js's own functions (its JSON cache while compiling, else
// computing) remain the fallback and the first-time source.
//
// The store sits in front of o1js's SRS functions: o1js hands them to its compiled OCaml side once, when the bindings
// initialise, so `installSrsStore` must run before that (o1js.ts calls it as it loads o1js). The functions replaced are
// o1js's own, reached through the global its OCaml side reads them from; if a later o1js moves them, nothing breaks,
// only the start-up is slower again.
//
// The SRS is a fixed, public parameter (derived by hashing, the same on every machine), so a file here is only a
// faster copy of what o1js would compute: each carries a SHA-256 of its points and is ignored unless it matches.
import { join } from 'node:path';
import { readChecksummed, writeChecksummed } from './checksummed-file.js';

type FieldName = 'fp' | 'fq';
/** A curve point as the native backend hands it over: 32-byte little-endian coordinates. */
interface NativePoint {
  x: Uint8Array;
  y: Uint8Array;
  infinity: boolean;
}
interface NativePolyComm {
  unshifted: NativePoint[];
}
type NativeBackend = Record<string, unknown>;
interface SrsFunctions {
  create(size: number): unknown;
  lagrangeCommitment(srs: unknown, domainSize: number, i: number): unknown;
  addLagrangeBasis(srs: unknown, logSize: number): void;
  [other: string]: unknown;
}
interface TsBindings {
  srs(rust: NativeBackend): Record<FieldName, SrsFunctions>;
  rustConversion(rust: NativeBackend): Record<FieldName, { polyCommFromRust(comm: unknown): unknown }>;
}

const MAGIC = Buffer.from('SPSRS1\n\0');
const POINT_BYTES = 65;

let folder: string | undefined;
let installed = false;
const stores: Partial<Record<FieldName, SrsFunctions>> = {};

/** Where the binary copies live: the compile cache folder of the circuit in use. */
export function useSrsFolder(dir: string | undefined): void {
  folder = dir;
}

/** The (possibly store-backed) SRS functions of one field, once the bindings are initialised. */
export function srsStore(field: FieldName): SrsFunctions | undefined {
  return stores[field];
}

/** Puts the store in front of o1js's native SRS functions. Call after importing o1js, before initialising it. */
export function installSrsStore(): void {
  const ts = (globalThis as { __snarkyTsBindings?: Partial<TsBindings> }).__snarkyTsBindings;
  if (installed || typeof ts?.srs !== 'function' || typeof ts.rustConversion !== 'function') return;
  installed = true;
  const original = ts.srs.bind(ts);
  const conversion = ts.rustConversion.bind(ts);
  ts.srs = (rust: NativeBackend) => {
    const base = original(rust);
    const native = (globalThis as { __o1js_backend_preference?: string }).__o1js_backend_preference === 'native';
    const wrapped = native && hasNativeSrs(rust) ? { fp: storeBacked('fp', base.fp, rust, conversion(rust).fp), fq: storeBacked('fq', base.fq, rust, conversion(rust).fq) } : base;
    stores.fp = wrapped.fp;
    stores.fq = wrapped.fq;
    return wrapped;
  };
}

function hasNativeSrs(rust: NativeBackend): boolean {
  return ['fp', 'fq'].every((f) =>
    ['srs_get', 'srs_set', 'srs_maybe_lagrange_commitment', 'srs_get_lagrange_basis', 'srs_set_lagrange_basis'].every(
      (name) => typeof rust[`caml_${f}_${name}`] === 'function',
    ),
  ) && typeof rust.WasmFpPolyComm === 'function' && typeof rust.WasmFqPolyComm === 'function';
}

function storeBacked(f: FieldName, base: SrsFunctions, rust: NativeBackend, conversion: { polyCommFromRust(comm: unknown): unknown }): SrsFunctions {
  const call = (name: string, ...args: unknown[]) => (rust[`caml_${f}_${name}`] as (...a: unknown[]) => unknown)(...args);
  const PolyComm = rust[f === 'fp' ? 'WasmFpPolyComm' : 'WasmFqPolyComm'] as new (unshifted: NativePoint[], shifted?: null) => unknown;
  const created = new Map<number | string, unknown>();
  const stored = new Set<string>();

  const store: SrsFunctions = {
    ...base,
    create(size: number) {
      const file = folder && join(folder, `srs-${f}-${size}.points`);
      let srs = created.get(file ?? size);
      if (srs !== undefined) return srs;
      const points = file ? readPoints(file) : undefined;
      if (points?.length === size + 1) srs = call('srs_set', points);
      else {
        srs = base.create(size);
        if (file) writeGroups(file, [call('srs_get', srs) as NativePoint[]]);
      }
      created.set(file ?? size, srs);
      return srs;
    },
    lagrangeCommitment(srs: unknown, domainSize: number, i: number) {
      let commitment = call('srs_maybe_lagrange_commitment', srs, domainSize, i);
      const file = folder && join(folder, `lagrange-basis-${f}-${domainSize}.points`);
      if (commitment == null && file) {
        const basis = readBasis(file, domainSize);
        if (basis) {
          stored.add(file);
          call('srs_set_lagrange_basis', srs, domainSize, basis.map((chunks) => new PolyComm(chunks, null)));
          commitment = call('srs_maybe_lagrange_commitment', srs, domainSize, i);
        }
      }
      const result = commitment != null ? conversion.polyCommFromRust(commitment) : base.lagrangeCommitment(srs, domainSize, i);
      // The basis is on this SRS now (loaded, computed, or from o1js's cache); once per file, make sure a good copy is stored.
      if (file && !stored.has(file)) {
        stored.add(file);
        if (!readBasis(file, domainSize))
          writeGroups(file, (call('srs_get_lagrange_basis', srs, domainSize) as NativePolyComm[]).map((comm) => comm.unshifted));
      }
      return result;
    },
    addLagrangeBasis(srs: unknown, logSize: number) {
      store.lagrangeCommitment(srs, 1 << logSize, 0);
    },
  };
  return store;
}

// File layout: MAGIC, SHA-256 of the body (32 bytes), body. Body: u32 group count, u32 points per group for each
// group, then every point as 1 byte "at infinity" + x + y.

function readPoints(file: string): NativePoint[] | undefined {
  return readGroups(file)?.flat();
}

function readBasis(file: string, domainSize: number): NativePoint[][] | undefined {
  const groups = readGroups(file);
  return groups?.length === domainSize ? groups : undefined;
}

function readGroups(file: string): NativePoint[][] | undefined {
  const body = readChecksummed(file, MAGIC);
  if (!body || body.length < 4) return undefined;
  const count = body.readUInt32LE(0);
  let at = 4 + 4 * count;
  if (body.length < at) return undefined;
  const groups: NativePoint[][] = [];
  for (let g = 0; g < count; g++) {
    const n = body.readUInt32LE(4 + 4 * g);
    if (body.length < at + n * POINT_BYTES) return undefined;
    const points: NativePoint[] = [];
    for (let k = 0; k < n; k++, at += POINT_BYTES)
      points.push({ infinity: body[at] === 1, x: body.subarray(at + 1, at + 33), y: body.subarray(at + 33, at + 65) });
    groups.push(points);
  }
  return at === body.length ? groups : undefined;
}

/** Best effort: a folder that cannot be written to only means the next start is slower. */
function writeGroups(file: string, groups: NativePoint[][]): void {
  const total = groups.reduce((n, points) => n + points.length, 0);
  const body = Buffer.alloc(4 + 4 * groups.length + total * POINT_BYTES);
  body.writeUInt32LE(groups.length, 0);
  let at = 4 + 4 * groups.length;
  for (const [g, points] of groups.entries()) {
    body.writeUInt32LE(points.length, 4 + 4 * g);
    for (const point of points) {
      if (point.x.length !== 32 || point.y.length !== 32) return;
      body[at] = point.infinity ? 1 : 0;
      body.set(point.x, at + 1);
      body.set(point.y, at + 33);
      at += POINT_BYTES;
    }
  }
  writeChecksummed(file, MAGIC, body);
}
