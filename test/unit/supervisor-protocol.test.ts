import { describe, expect, it } from 'vitest';
import { createLineParser, parseProverLine } from '../../main/prover/protocol-parser.js';

const hello = { id: '*', type: 'hello', version: '1', circuit: { id: 'c2pa-es256', version: 1 }, pid: 7 };

describe('prover line parser', () => {
  it('turns recorded output into events and log lines', () => {
    const recorded = [
      JSON.stringify(hello),
      JSON.stringify({ id: '*', type: 'log', level: 'info', msg: 'prover ready (backend native, cache /c)' }),
      JSON.stringify({ id: 'j1', type: 'stage', name: 'sha', label: 'Hashing', index: 0, total: 3 }),
      JSON.stringify({ id: 'j1', type: 'progress', done: 1, total: 3, etaMs: 500 }),
      'o1js: some stray text',
      JSON.stringify({ id: 'j1', type: 'error', code: 'hash_mismatch', message: 'x', retryable: false }),
    ].join('\n');
    const parser = createLineParser();
    const out = parser.push(recorded + '\n');
    expect(out.map((l) => (l.kind === 'event' ? l.event.type : 'log'))).toEqual(['hello', 'log', 'stage', 'progress', 'log', 'error']);
    expect(out[4]).toEqual({ kind: 'log', level: 'info', msg: 'o1js: some stray text' });
    expect(parser.end()).toEqual([]);
  });

  it('joins lines split across chunks, including a split multi-byte character', () => {
    const parser = createLineParser();
    const line = Buffer.from(JSON.stringify({ id: 'j', type: 'log', level: 'info', msg: 'café ✓' }) + '\n');
    const cut = line.indexOf(0xc3) + 1; // inside "é"
    expect(parser.push(line.subarray(0, cut))).toEqual([]);
    const [parsed] = parser.push(line.subarray(cut));
    expect(parsed).toEqual({ kind: 'event', event: { id: 'j', type: 'log', level: 'info', msg: 'café ✓' } });
  });

  it('reports schema violations and unknown event types as warnings instead of throwing', () => {
    expect(parseProverLine(JSON.stringify({ id: 'j', type: 'progress', done: 'x', total: 1 }))).toMatchObject({ kind: 'log', level: 'warn' });
    expect(parseProverLine(JSON.stringify({ id: 'j', type: 'teleport' }))).toMatchObject({ kind: 'log', level: 'warn' });
    expect(parseProverLine(JSON.stringify({ id: 'j', type: 'error', code: 'not_a_code', message: 'm', retryable: true }))).toMatchObject({ kind: 'log' });
    expect(parseProverLine('   ')).toBeUndefined();
    expect(parseProverLine('{"id":"*","type":"hello"')).toMatchObject({ kind: 'log', level: 'info' });
  });

  it('flushes an unterminated last line at end and is single-use', () => {
    const parser = createLineParser();
    parser.push(JSON.stringify(hello));
    expect(parser.end()).toEqual([{ kind: 'event', event: hello }]);
    expect(() => parser.push('x')).toThrow(/ended/);
    expect(() => parser.end()).toThrow(/ended/);
  });

  it('caps a runaway line instead of buffering it without bound', () => {
    const parser = createLineParser(1000);
    parser.push('x'.repeat(800));
    parser.push('y'.repeat(5000));
    const [cut, next] = parser.push('z\n' + JSON.stringify(hello) + '\n');
    expect(cut).toMatchObject({ kind: 'log', level: 'warn' });
    expect(cut.kind === 'log' && cut.msg.length).toBeLessThan(400);
    expect(next).toEqual({ kind: 'event', event: hello });
  });
});

describe('available memory on macOS', () => {
  it('counts free, inactive, speculative and purgeable pages from vm_stat', async () => {
    const { fromVmStat } = await import('../../main/prover/available-memory.js');
    const recorded = [
      'Mach Virtual Memory Statistics: (page size of 16384 bytes)',
      'Pages free:                               10000.',
      'Pages active:                            500000.',
      'Pages inactive:                          200000.',
      'Pages speculative:                         5000.',
      'Pages throttled:                              0.',
      'Pages wired down:                        150000.',
      'Pages purgeable:                           1000.',
    ].join('\n');
    expect(fromVmStat(recorded)).toBe((10000 + 200000 + 5000 + 1000) * 16384);
    expect(() => fromVmStat('nonsense')).toThrow();
  });
});
