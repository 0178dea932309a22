// Check a proof in the app: the engine asks the prover to check the pack against the app's own trust lists, so the
// verdict names the user's list (or warns when the user has none), never the pack's.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { toVerifyOutcome } from '../../main/jobs/verify-outcome.js';
import { makeEngine, until, type Harness } from '../engine-support/engine-harness.js';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.engine.close()));
});

const verifyRequests = (h: Harness) =>
  readFileSync(h.requestLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { op: string; trustLists?: { name: string; path: string }[] })
    .filter((r) => r.op === 'verify');

describe('job engine: check a proof', () => {
  it("sends the app's imported trust lists with the pack, and none when there are none", async () => {
    const h = makeEngine();
    open.push(h);
    await h.engine.verify({ packPath: '/tmp/a.proof.json' });
    h.trustLists.set('list-1', { id: 'list-1', name: 'Newsroom cameras', root: '7', importedAt: 1, certificates: [] });
    await h.engine.verify({ packPath: '/tmp/a.proof.json', photoPath: '/tmp/a.jpg' });
    await until(() => verifyRequests(h).length === 2, 10_000, 'two verify requests');
    const [first, second] = verifyRequests(h);
    expect(first!.trustLists).toBeUndefined();
    expect(second!.trustLists).toEqual([{ name: 'Newsroom cameras', path: `${h.root}/list-1.pem` }]);
  });

  it('shows what is proved apart from what the pack only says', () => {
    const publicInputs = { assetHash: 'ab'.repeat(32), trustRoot: '7' };
    const summary = {
      valid: true,
      verified: { ...publicInputs, photoMatches: true, anchor: { list: 'Newsroom cameras', issuers: 1, issuer: 'Newsroom CA' } },
      publicInputs,
      unverifiedNotes: { trustListName: 'Official root', trustListIssuers: [{}, {}], createdAt: '2026-12-07T06:00:00.000Z' },
    };
    expect(toVerifyOutcome({ ok: true, summary } as never)).toEqual({
      valid: true,
      publicInputs,
      photoMatches: true,
      anchor: { list: 'Newsroom cameras', issuers: 1, issuer: 'Newsroom CA' },
      notes: { trustListName: 'Official root', issuers: 2, createdAt: '2026-12-07T06:00:00.000Z' },
    });
    const warned = toVerifyOutcome({ ok: true, summary: { ...summary, verified: { ...summary.verified, anchor: null }, warning: 'no list' } } as never);
    expect(warned.anchor).toBeUndefined();
    expect(warned.warning).toBe('no list');
  });
});
