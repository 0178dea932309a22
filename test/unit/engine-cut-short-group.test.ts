// A crash while a large folder is being added leaves only the photos written so far. At the next start the group
// says how many are there and how many were not added, instead of the count that was dropped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job, JobGroup } from '../../common/ipc-contract.js';
import { JobStore } from '../../main/jobs/job-store.js';
import { makeEngine, photo, tempDir, type Harness } from '../engine-support/engine-harness.js';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.engine.close()));
});

function crashedState(root: string, present: number, total: number): void {
  // What the store holds when the app died after writing the first slices of a 1,500-photo drop.
  const store = new JobStore(root);
  store.saveGroup({ id: 'g1', label: `${total} photos from Holidays`, createdAt: 1, adding: { total, folderName: 'Holidays' } });
  const jobs: Job[] = Array.from({ length: present }, (_, i) => ({
    id: `j${i}`,
    groupId: 'g1',
    file: { path: `/photos/Holidays/p${i}.jpg`, name: `p${i}.jpg`, size: 10, sha256: String(i).padStart(64, '0') },
    trustListId: null,
    state: 'queued',
    priority: 0,
    attempts: 0,
    createdAt: 1 + i / 1000,
  }));
  store.saveJobs(jobs);
}

describe('a group cut short by a crash while adding', () => {
  it('says how many photos are there and that the rest were not added', () => {
    const root = tempDir();
    crashedState(root, 51, 1500);
    const h = makeEngine({ root });
    open.push(h);
    h.engine.open();
    const [group] = h.engine.list().groups;
    expect(group.label).toBe('51 of 1,500 photos from Holidays — 1,449 not added because Shutterproof stopped while adding them; add them again');
    expect(group.adding).toBeUndefined();
    expect(h.engine.list().jobs).toHaveLength(51);
    // Stored that way: the next start does not relabel it again.
    const stored = JSON.parse(readFileSync(join(root, 'groups', 'g1.json'), 'utf8')) as JobGroup;
    expect(stored.label).toBe(group.label);
    expect(stored.adding).toBeUndefined();
  });

  it('a group left with no photo at all is removed', () => {
    const root = tempDir();
    crashedState(root, 0, 1500);
    const h = makeEngine({ root });
    open.push(h);
    h.engine.open();
    expect(h.engine.list().groups).toEqual([]);
  });

  it('a drop that was written completely keeps its label and no mark', async () => {
    const root = tempDir();
    const dir = join(tempDir('sp-photos-'), 'Trip');
    for (let i = 0; i < 230; i++) photo(dir, `p${String(i).padStart(3, '0')}.jpg`);
    const h = makeEngine({ root });
    open.push(h);
    h.engine.open();
    await h.engine.add({ paths: [dir] });
    const [group] = h.engine.list().groups;
    expect(group.label).toBe('230 photos from Trip');
    const [file] = readdirSync(join(root, 'groups'));
    expect(JSON.parse(readFileSync(join(root, 'groups', file), 'utf8'))).not.toHaveProperty('adding');
  });
});
