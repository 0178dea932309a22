// When no manifest store can be read, whether the file still carries what is left of one: a JPEG APP11 segment or a
// PNG caBX chunk holding C2PA's "c2pa" label. Such a photo has damaged Content Credentials, not none; JUMBF used for
// other things (JPEG XT) has no such label and still counts as none.
const C2PA = [0x63, 0x32, 0x70, 0x61]; // "c2pa": the store's label and the start of its UUID

function holdsC2pa(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i + C2PA.length <= to; i++) if (C2PA.every((b, k) => bytes[i + k] === b)) return true;
  return false;
}

function jpegTraces(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return false; // image data follows: no more metadata segments
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = Math.min(bytes.length, at + 2 + length);
    if (marker === 0xeb && holdsC2pa(bytes, at + 4, end)) return true;
    if (length < 2) return false;
    at += 2 + length;
  }
  return false;
}

function pngTraces(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'caBX') return true;
    if (type === 'IEND') return false;
    at += 12 + length;
  }
  return false;
}

/** Where the damaged credentials are, e.g. "an APP11 segment", or undefined when there are none. */
export function credentialTraces(bytes: Uint8Array, format: 'jpeg' | 'png'): string | undefined {
  if (format === 'jpeg') return jpegTraces(bytes) ? 'an APP11 segment holds C2PA data' : undefined;
  return pngTraces(bytes) ? 'a caBX chunk is present' : undefined;
}
