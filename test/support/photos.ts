// Test-only photos without Content Credentials: real, decodable files made at test time.
//
//   smallJpeg(seed?, width?, height?)  a baseline JPEG (jpeg-js encoder), a few KB; each seed gives other pixels
//   smallPng(seed?, width?, height?)   an 8-bit RGB PNG written chunk by chunk (node:zlib for IDAT and CRC)
//   largeJpeg()                 a 4000x3000 JPEG of realistic size (several MB) for benchmarks; cached in the temp
//                               folder because encoding 12 megapixels takes seconds
//   decodeJpeg(bytes)           { width, height } if jpeg-js decodes it, else throws
//   decodePng(bytes)            { width, height } after checking every chunk CRC and inflating IDAT, else throws
//
// Pixels are a deterministic pattern, so the same call gives the same bytes within one version of this file.
import jpeg from 'jpeg-js';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync, inflateSync } from 'node:zlib';

function rgba(width: number, height: number, noise: boolean, variant = 0): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  let seed = 0x2545f491;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      // A little pseudo-random texture makes a large photo compress to a realistic size, like a real scene would.
      let n = 0;
      if (noise) {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        n = (seed & 0x3f) - 32;
      }
      data[i] = clamp(((x * 255) / Math.max(1, width - 1)) + n);
      data[i + 1] = clamp(((y * 255) / Math.max(1, height - 1)) + n);
      data[i + 2] = clamp((((x + y) * 7 + variant * 53) % 256) + n);
      data[i + 3] = 255;
    }
  }
  return data;
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

export function smallJpeg(seed = 0, width = 64, height = 48): Uint8Array {
  return new Uint8Array(jpeg.encode({ width, height, data: rgba(width, height, false, seed) }, 90).data);
}

export function largeJpeg(): Uint8Array {
  const file = join(tmpdir(), 'shutterproof-test-large-4000x3000-v1.jpg');
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const bytes = new Uint8Array(jpeg.encode({ width: 4000, height: 3000, data: rgba(4000, 3000, true) }, 92).data);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
  return bytes;
}

export function decodeJpeg(bytes: Uint8Array): { width: number; height: number } {
  const image = jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: 20, maxMemoryUsageInMB: 512 });
  return { width: image.width, height: image.height };
}

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, 'latin1'), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function smallPng(seed = 0, width = 48, height = 32): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour RGB, deflate, adaptive filtering, no interlace
  const pixels = rgba(width, height, false, seed);
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // filter type None
    for (let x = 0; x < width; x++) raw.set(pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 3), row + 1 + x * 3);
  }
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

export function decodePng(bytes: Uint8Array): { width: number; height: number } {
  if (!Buffer.from(bytes.subarray(0, 8)).equals(PNG_SIGNATURE)) throw new Error('not a PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  let sawEnd = false;
  const idat: Uint8Array[] = [];
  while (pos < bytes.length) {
    if (pos + 12 > bytes.length) throw new Error(`truncated chunk at ${pos}`);
    const length = view.getUint32(pos);
    const type = Buffer.from(bytes.subarray(pos + 4, pos + 8)).toString('latin1');
    if (pos + 12 + length > bytes.length) throw new Error(`chunk ${type} overruns the file`);
    const crc = view.getUint32(pos + 8 + length);
    if (crc !== crc32(bytes.subarray(pos + 4, pos + 8 + length))) throw new Error(`bad CRC in ${type}`);
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = new DataView(data.buffer, data.byteOffset).getUint32(0);
      height = new DataView(data.buffer, data.byteOffset).getUint32(4);
    }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  if (!sawEnd || pos !== bytes.length) throw new Error('no IEND at the end of the file');
  if (width === 0 || height === 0) throw new Error('no IHDR');
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length !== height * (1 + width * 3)) throw new Error(`IDAT inflates to ${raw.length} bytes`);
  return { width, height };
}
