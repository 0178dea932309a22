// When no manifest store can be read, what the file still says about Content Credentials:
// - what is left of an embedded one: a JPEG APP11 segment or a PNG caBX chunk holding C2PA's "c2pa" label. Such a
//   photo has damaged Content Credentials, not none; JUMBF used for other things (JPEG XT) has no such label.
// - a link to a manifest stored elsewhere: XMP's dcterms:provenance (C2PA "External manifests"), in a JPEG APP1
//   segment or a PNG iTXt chunk. Such a photo has Content Credentials, just not in the file.
const C2PA = [0x63, 0x32, 0x70, 0x61]; // "c2pa": the store's label and the start of its UUID
const XMP_JPEG = 'http://ns.adobe.com/xap/1.0/\0';
const XMP_PNG = 'XML:com.adobe.xmp\0';
const PROVENANCE = /dcterms:provenance\s*(?:=\s*["']([^"']+)["']|>\s*([^<\s]+)\s*<)/;

function holdsC2pa(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i + C2PA.length <= to; i++) if (C2PA.every((b, k) => bytes[i + k] === b)) return true;
  return false;
}

interface Part {
  /** The JPEG marker, or the PNG chunk type. */
  kind: number | string;
  /** Where its payload starts and ends. */
  from: number;
  to: number;
}

/** The metadata segments of a JPEG, up to its image data; a malformed one ends the walk. */
function* jpegSegments(bytes: Uint8Array): Generator<Part> {
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
    if (marker === 0xd9 || marker === 0xda) return; // image data follows: no more metadata segments
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    yield { kind: marker, from: at + 4, to: Math.min(bytes.length, at + 2 + length) };
    if (length < 2) return;
    at += 2 + length;
  }
}

/** The chunks of a PNG, up to IEND. */
function* pngChunks(bytes: Uint8Array): Generator<Part> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const kind = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    yield { kind, from: at + 8, to: Math.min(bytes.length, at + 8 + length) };
    if (kind === 'IEND') return;
    at += 12 + length;
  }
}

const parts = (bytes: Uint8Array, format: 'jpeg' | 'png') => (format === 'jpeg' ? jpegSegments(bytes) : pngChunks(bytes));
const text = (bytes: Uint8Array, part: Part) => Buffer.from(bytes.buffer, bytes.byteOffset + part.from, part.to - part.from).toString('latin1');

/** Where the damaged credentials are, e.g. "an APP11 segment", or undefined when there are none. */
export function credentialTraces(bytes: Uint8Array, format: 'jpeg' | 'png'): string | undefined {
  for (const part of parts(bytes, format)) {
    if (format === 'jpeg' && part.kind === 0xeb && holdsC2pa(bytes, part.from, part.to)) return 'an APP11 segment holds C2PA data';
    if (format === 'png' && part.kind === 'caBX') return 'a caBX chunk is present';
  }
  return undefined;
}

/** The address of a manifest stored outside the file, as the photo's XMP names it, or undefined. */
export function remoteManifestLink(bytes: Uint8Array, format: 'jpeg' | 'png'): string | undefined {
  for (const part of parts(bytes, format)) {
    const xmp = format === 'jpeg' ? part.kind === 0xe1 && text(bytes, part).startsWith(XMP_JPEG) : part.kind === 'iTXt' && text(bytes, part).startsWith(XMP_PNG);
    if (!xmp) continue;
    const match = PROVENANCE.exec(text(bytes, part));
    if (match) return match[1] ?? match[2];
  }
  return undefined;
}
