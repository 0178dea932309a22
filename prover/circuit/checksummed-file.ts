// Files kept next to the keys only to make a start faster (the SRS store, the code cache): a magic string, a
// SHA-256 of the body, the body. A file that is missing, foreign or damaged reads as nothing, and writing is best
// effort and atomic, so a reader never sees half a file and a folder that cannot be written only costs time.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** The body of `file` if it starts with `magic` and its checksum matches. */
export function readChecksummed(file: string, magic: Buffer): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const head = magic.length + 32;
  if (bytes.length < head || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
  const body = bytes.subarray(head);
  return sha256(body).equals(bytes.subarray(magic.length, head)) ? body : undefined;
}

/** Writes `magic`, the checksum and `body` to `file` through a temporary file; failures are ignored. */
export function writeChecksummed(file: string, magic: Buffer, body: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, Buffer.concat([magic, sha256(body), body]));
    renameSync(temp, file);
  } catch {
    // The next start computes it again.
  }
}
