// useShutterproofSync: snapshots in, deltas on top (including those that raced the snapshot), events win over
// older snapshots, log tails capped per job, and every subscription torn down on unmount.
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { JobsSnapshot, Settings } from '../../common/ipc-contract.js';
import { LOG_LINES_PER_JOB, mergeLog, EMPTY_LOG } from '../../renderer/src/store/log-merge.js';
import { useShutterproof } from '../../renderer/src/store/store.js';
import { useShutterproofSync } from '../../renderer/src/store/use-shutterproof-sync.js';
import { createFakeApi, defaultSettings } from './support/fake-api.js';
import { makeJob, makeLines } from './support/factories.js';
import { useRendererTest } from './support/render-app.js';

useRendererTest();

function Probe() {
  useShutterproofSync();
  const count = useShutterproof((s) => s.jobs.size);
  return <p>{count} jobs</p>;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('useShutterproofSync', () => {
  it('loads every snapshot and unsubscribes everything on unmount', async () => {
    const api = createFakeApi({ jobs: [makeJob(), makeJob()], status: { state: 'busy' } });
    (globalThis as { shutterproof?: unknown }).shutterproof = api;
    const view = render(<Probe />);
    expect(await screen.findByText('2 jobs')).toBeTruthy();
    expect(api.jobs.list).toHaveBeenCalledTimes(1);
    expect(api.settings.get).toHaveBeenCalledTimes(1);
    expect(api.trustLists.list).toHaveBeenCalledTimes(1);
    expect(api.prover.status).toHaveBeenCalledTimes(1);
    expect(useShutterproof.getState().proverStatus).toEqual({ state: 'busy' });
    expect(useShutterproof.getState().settings).toEqual(defaultSettings());
    expect(api.listenerCount()).toBe(5);
    view.unmount();
    expect(api.listenerCount()).toBe(0);
  });

  it('replays deltas that arrive while the jobs snapshot is in flight', async () => {
    const api = createFakeApi();
    const snapshot = deferred<JobsSnapshot>();
    api.jobs.list = vi.fn(() => snapshot.promise);
    (globalThis as { shutterproof?: unknown }).shutterproof = api;
    render(<Probe />);
    const early = makeJob({ name: 'early.jpg' });
    const raced = makeJob({ name: 'raced.jpg' });
    act(() => api.emit('jobs:changed', { upserts: [{ ...early, state: 'running' }, raced], removed: [], groups: [], removedGroups: [] }));
    await act(async () => snapshot.resolve({ jobs: [early], groups: [] }));
    const { jobs } = useShutterproof.getState();
    expect(jobs.get(early.id)?.state).toBe('running');
    expect(jobs.get(raced.id)).toBeTruthy();
  });

  it('an event that arrives before its snapshot answer wins over the older snapshot', async () => {
    const api = createFakeApi();
    const settings = deferred<Settings>();
    api.settings.get = vi.fn(() => settings.promise);
    (globalThis as { shutterproof?: unknown }).shutterproof = api;
    render(<Probe />);
    act(() => api.emit('settings:changed', { ...defaultSettings(), theme: 'dark' }));
    await act(async () => settings.resolve(defaultSettings()));
    expect(useShutterproof.getState().settings?.theme).toBe('dark');
  });

  it('keeps log tails per job capped and forgets the tails of removed jobs', async () => {
    const job = makeJob();
    const api = createFakeApi({ jobs: [job] });
    (globalThis as { shutterproof?: unknown }).shutterproof = api;
    render(<Probe />);
    await screen.findByText('1 jobs');
    act(() => {
      for (let start = 1; start <= LOG_LINES_PER_JOB + 500; start += 100) api.emit('jobs:log', { jobId: job.id, lines: makeLines(start, start + 99) });
    });
    const log = useShutterproof.getState().logs[job.id];
    expect(log.lines).toHaveLength(LOG_LINES_PER_JOB);
    expect(log.lines.at(-1)!.seq).toBe(LOG_LINES_PER_JOB + 500);
    expect(log.lastSeq).toBe(LOG_LINES_PER_JOB + 500);
    act(() => api.emit('jobs:changed', { upserts: [], removed: [job.id], groups: [], removedGroups: [] }));
    expect(useShutterproof.getState().logs[job.id]).toBeUndefined();
    // Lines for a job that no longer exists are not kept.
    act(() => api.emit('jobs:log', { jobId: job.id, lines: makeLines(3000, 3001) }));
    expect(useShutterproof.getState().logs[job.id]).toBeUndefined();
  });
});

describe('mergeLog', () => {
  it('merges by seq, drops duplicates, and marks and closes gaps', () => {
    let log = mergeLog(EMPTY_LOG, makeLines(1, 3));
    log = mergeLog(log, makeLines(2, 4));
    expect(log.lines.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(log.gap).toBe(false);
    log = mergeLog(log, makeLines(8, 9));
    expect(log.gap).toBe(true);
    log = mergeLog(log, makeLines(5, 9), undefined, true);
    expect(log.lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(log.gap).toBe(false);
    expect(mergeLog(log, makeLines(1, 9))).toBe(log);
    // A resync from the start adds the lines before what we held.
    const late = mergeLog(EMPTY_LOG, makeLines(5, 6));
    expect(mergeLog(late, makeLines(1, 6), undefined, true).lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
