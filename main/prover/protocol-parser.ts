// Turns the prover's stdout into a tagged union. Pure and single-use: one parser per process, fed raw chunks,
// never throws on bad input — a line that is not a protocol event becomes a log line so nothing is lost and
// nothing crashes the engine.
import { StringDecoder } from 'node:string_decoder';
import { proverEvent, type ProverEvent } from '../../common/prover-protocol.js';

export type ParsedLine =
  | { kind: 'event'; event: ProverEvent }
  | { kind: 'log'; level: 'warn' | 'info'; msg: string };

/** A line longer than this is cut: a runaway child must not grow our memory without bound. */
export const MAX_LINE_CHARS = 1 << 20;

/** Parses one complete line (without its newline). */
export function parseProverLine(line: string): ParsedLine | undefined {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!text.trim()) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'log', level: 'info', msg: text };
  }
  const parsed = proverEvent.safeParse(json);
  if (parsed.success) return { kind: 'event', event: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    kind: 'log',
    level: 'warn',
    msg: `unrecognised prover output (${issue?.path.join('.') || 'event'}: ${issue?.message}): ${text.slice(0, 500)}`,
  };
}

export interface LineParser {
  /** Feeds a chunk of output; returns the lines it completed. */
  push(chunk: string | Buffer): ParsedLine[];
  /** Flushes the last unterminated line. The parser refuses further input afterwards. */
  end(): ParsedLine[];
}

export function createLineParser(maxLineChars = MAX_LINE_CHARS): LineParser {
  let pending = '';
  let overflowed = false;
  let ended = false;
  // A multi-byte character can be split across chunks.
  const decoder = new StringDecoder('utf8');

  const finish = (line: string, out: ParsedLine[]) => {
    if (overflowed) {
      out.push({ kind: 'log', level: 'warn', msg: `prover output line over ${maxLineChars} characters was cut: ${line.slice(0, 200)}…` });
      overflowed = false;
      return;
    }
    const parsed = parseProverLine(line);
    if (parsed) out.push(parsed);
  };

  return {
    push(chunk) {
      if (ended) throw new Error('line parser already ended');
      const out: ParsedLine[] = [];
      let text = pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
      let newline: number;
      while ((newline = text.indexOf('\n')) >= 0) {
        finish(text.slice(0, newline), out);
        text = text.slice(newline + 1);
      }
      if (text.length > maxLineChars) {
        overflowed = true;
        text = text.slice(0, maxLineChars);
      }
      pending = text;
      return out;
    },
    end() {
      if (ended) throw new Error('line parser already ended');
      ended = true;
      const out: ParsedLine[] = [];
      pending += decoder.end();
      if (pending) finish(pending, out);
      pending = '';
      return out;
    },
  };
}
