// mergeLog's general path (a resync, or a batch out of order) against the obvious map-and-sort it replaced.
import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../common/ipc-contract.js';
import { EMPTY_LOG, mergeLog, type JobLog } from '../../renderer/src/store/log-merge.js';

function line(seq: number, msg = `line ${seq}`): LogLine {
  return { seq, ts: 0, level: 'info', msg };
}

function byMap(held: LogLine[], incoming: LogLine[], cap: number): LogLine[] {
  const bySeq = new Map<number, LogLine>();
  for (const l of [...held, ...incoming]) bySeq.set(l.seq, l);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq).slice(-cap);
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('mergeLog', () => {
  it('merges held and incoming lines by seq like a map would, for holes, overlaps, repeats and any order', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const pick = (n: number, span: number) => Array.from({ length: n }, () => 1 + Math.floor(next() * span));
      const heldSeqs = [...new Set(pick(Math.floor(next() * 40), 80))].sort((a, b) => a - b);
      const held: JobLog = mergeLog(EMPTY_LOG, heldSeqs.map((s) => line(s)), 1000, true);
      const incoming = pick(Math.floor(next() * 30), 100).map((s) => line(s, `new ${s} ${next()}`));
      const cap = 10 + Math.floor(next() * 60);
      const merged = mergeLog(held, incoming, cap, true);
      if (merged === held) continue;
      expect(merged.lines).toEqual(byMap(held.lines, incoming, cap));
    }
  });

  it('a resync answer fills holes and replaces nothing it should not', () => {
    let log = mergeLog(EMPTY_LOG, [1, 2, 5, 9].map((s) => line(s)));
    log = mergeLog(log, [2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => line(s)), undefined, true);
    expect(log.lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(log.lastSeq).toBe(10);
    expect(log.gap).toBe(false);
  });
});
