// Where a photo's embedded C2PA data lies, found by the file's own structure and never by anything the manifest
// says about itself: in a JPEG the APP11 segments that carry the C2PA JUMBF manifest store (ISO 19566-5 boxes in
// JPEG XT marker segments), in a PNG the caBX chunks. A verifier removes exactly these bytes and hashes the rest, so
// a manifest whose exclusions claim more (to hide a second picture) can never match.
import { ShutterproofError } from '../../common/error-codes.js';
import type { Exclusion } from './evidence.js';

/** UUID of a C2PA manifest store superbox: "c2pa" 0011 0010 8000 00aa00389b71. */
const C2PA_STORE_UUID = Buffer.from('6332706100110010800000aa00389b71', 'hex');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const damaged = (detail: string) => new ShutterproofError('manifest_invalid', detail);

/** Byte ranges of the embedded C2PA data, in file order; empty when the file carries none. */
export function c2paRanges(bytes: Uint8Array, format: 'jpeg' | 'png'): Exclusion[] {
  return format === 'jpeg' ? jpegRanges(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)) : pngRanges(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
}

function jpegRanges(b: Buffer): Exclusion[] {
  if (b[0] !== 0xff || b[1] !== 0xd8) throw damaged('the file does not start like a JPEG');
  const ranges: Exclusion[] = [];
  const c2paInstances = new Set<number>();
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) throw damaged(`no JPEG marker at byte ${at}`);
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    // Markers without a length; the entropy-coded image starts at SOS, after which no APP11 may follow.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break;
    const length = b.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > b.length) throw damaged(`a JPEG segment at byte ${at} runs past the file`);
    if (marker === 0xeb && isC2paSegment(b.subarray(at + 4, at + 2 + length), c2paInstances))
      ranges.push({ start: at, length: 2 + length });
    at += 2 + length;
  }
  return mergedRanges(ranges);
}

/**
 * A JPEG XT APP11 payload: "JP", box instance En (2), sequence Z (4), then the superbox's LBox/TBox ("jumb"); the
 * first segment of an instance holds its description box with the C2PA UUID, later ones continue it.
 */
function isC2paSegment(payload: Buffer, c2paInstances: Set<number>): boolean {
  if (payload.length < 16 || payload[0] !== 0x4a || payload[1] !== 0x50) return false;
  const instance = payload.readUInt16BE(2);
  if (c2paInstances.has(instance)) return true;
  if (payload.subarray(12, 16).toString('latin1') !== 'jumb') return false;
  // jumd box: LBox (4) "jumd" then its type UUID.
  const jumd = payload.subarray(16);
  if (jumd.length < 24 || jumd.subarray(4, 8).toString('latin1') !== 'jumd' || !jumd.subarray(8, 24).equals(C2PA_STORE_UUID)) return false;
  c2paInstances.add(instance);
  return true;
}

function pngRanges(b: Buffer): Exclusion[] {
  if (!b.subarray(0, 8).equals(PNG_SIGNATURE)) throw damaged('the file does not start like a PNG');
  const ranges: Exclusion[] = [];
  let at = 8;
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString('latin1');
    const size = 12 + length;
    if (at + size > b.length) throw damaged(`a PNG chunk at byte ${at} runs past the file`);
    if (type === 'caBX') ranges.push({ start: at, length: size });
    at += size;
    if (type === 'IEND') break;
  }
  return mergedRanges(ranges);
}

/** Ranges in file order with adjacent ones as one (a manifest split over consecutive APP11 segments). */
export function mergedRanges(ranges: readonly Exclusion[]): Exclusion[] {
  const out: Exclusion[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && last.start + last.length === r.start) last.length += r.length;
    else out.push({ ...r });
  }
  return out;
}
