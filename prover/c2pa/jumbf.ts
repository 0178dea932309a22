// A JUMBF (ISO/IEC 19566-5) box walker that keeps exact byte positions. c2pa-ts parses JUMBF into objects, but the
// proof needs the original bytes of single boxes (the hashed assertion, the claim, the signature), so this reads
// offsets only and never re-serialises anything.
import { ShutterproofError } from '../../common/error-codes.js';

export interface JumbfBox {
  type: string;
  /** Offset of the box header within the buffer it was read from. */
  start: number;
  /** Offset just past the LBox/TBox(/XLBox) header: where the payload starts. */
  payloadStart: number;
  end: number;
}

export interface JumbfSuperBox extends JumbfBox {
  /** Description box fields. */
  uuid: string;
  label: string | undefined;
  /** Child boxes after the description box: content boxes or nested superboxes. */
  children: (JumbfSuperBox | JumbfBox)[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads the boxes laid end to end in `buf[start, end)`. */
export function readBoxes(buf: Uint8Array, start = 0, end = buf.length): JumbfBox[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const boxes: JumbfBox[] = [];
  let at = start;
  while (at < end) {
    if (end - at < 8) throw broken(`a ${end - at}-byte tail at offset ${at} is too short for a box header`);
    let size = view.getUint32(at);
    const type = Buffer.from(buf.subarray(at + 4, at + 8)).toString('latin1');
    let header = 8;
    if (size === 1) {
      if (end - at < 16) throw broken(`box "${type}" at offset ${at} has a truncated extended size`);
      const big = view.getBigUint64(at + 8);
      if (big > BigInt(end - at)) throw broken(`box "${type}" at offset ${at} is larger than its container`);
      size = Number(big);
      header = 16;
    } else if (size === 0) {
      size = end - at; // "extends to the end of the container"
    }
    if (size < header || at + size > end) throw broken(`box "${type}" at offset ${at} has an impossible size ${size}`);
    boxes.push({ type, start: at, payloadStart: at + header, end: at + size });
    at += size;
  }
  return boxes;
}

/** Parses a `jumb` superbox and, recursively, the superboxes inside it. */
export function readSuperBox(buf: Uint8Array, box: JumbfBox): JumbfSuperBox {
  if (box.type !== 'jumb') throw broken(`expected a JUMBF superbox, found "${box.type}" at offset ${box.start}`);
  const inner = readBoxes(buf, box.payloadStart, box.end);
  const description = inner[0];
  if (!description || description.type !== 'jumd')
    throw broken(`the superbox at offset ${box.start} does not start with a description box`);
  const { uuid, label } = readDescription(buf, description);
  const children = inner.slice(1).map((child) => (child.type === 'jumb' ? readSuperBox(buf, child) : child));
  return { ...box, uuid, label, children };
}

function readDescription(buf: Uint8Array, box: JumbfBox): { uuid: string; label: string | undefined } {
  const p = box.payloadStart;
  if (box.end - p < 17) throw broken(`the description box at offset ${box.start} is truncated`);
  const uuid = Buffer.from(buf.subarray(p, p + 16)).toString('hex');
  const toggles = buf[p + 16]!;
  let label: string | undefined;
  if (toggles & 0x02) {
    const nul = buf.indexOf(0, p + 17);
    if (nul < 0 || nul >= box.end) throw broken(`the label at offset ${p + 17} is not terminated`);
    try {
      label = decoder.decode(buf.subarray(p + 17, nul));
    } catch {
      throw broken(`the label at offset ${p + 17} is not UTF-8`);
    }
  }
  return { uuid, label };
}

/** The child superbox with this label, if any. */
export function child(box: JumbfSuperBox, label: string): JumbfSuperBox | undefined {
  return box.children.find((c): c is JumbfSuperBox => 'label' in c && c.label === label);
}

/** The payload of the first content box of a type (e.g. `cbor`) inside a superbox. */
export function contentOf(buf: Uint8Array, box: JumbfSuperBox, type: string): Uint8Array {
  const content = box.children.find((c) => c.type === type && !('label' in c));
  if (!content) throw broken(`"${box.label}" has no ${type} content box`);
  return buf.subarray(content.payloadStart, content.end);
}

export function broken(detail: string): ShutterproofError {
  return new ShutterproofError('manifest_invalid', detail);
}
