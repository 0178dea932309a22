// The grouped job list: headers with counts, rows with state, stage, truthful progress and ETA, live deltas,
// and a 10,000-job list that renders only the rows in view.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from './support/fake-api.js';
import { makeGroup, makeJob, makeResult } from './support/factories.js';
import { renderApp, useRendererTest, VIEWPORT_HEIGHT } from './support/render-app.js';

useRendererTest();

const row = (name: string) => screen.getByRole('listitem', { name: new RegExp(`^${name.replace('.', '\\.')},`) });

describe('job list', () => {
  it('groups jobs by drop with counts, newest drop first', async () => {
    const older = makeGroup({ label: '2 photos from Holidays', createdAt: 1000 });
    const newer = makeGroup({ label: '1 photo from Desk', createdAt: 2000 });
    const api = createFakeApi({
      groups: [older, newer],
      jobs: [
        makeJob({ groupId: older.id, name: 'beach.jpg', state: 'succeeded', result: makeResult() }),
        makeJob({ groupId: older.id, name: 'dunes.jpg', state: 'failed', error: { code: 'hash_mismatch', message: 'm', hint: 'h', retryable: false } }),
        makeJob({ groupId: newer.id, name: 'desk.png' }),
      ],
    });
    await renderApp(api);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    // Named by folder; the count is said once, beside the name.
    expect(headings).toEqual(['Desk', 'Holidays']);
    expect(screen.getByText('2 photos · 1 ready · 1 not proved')).toBeTruthy();
    expect(screen.getByText('1 photo · 1 waiting')).toBeTruthy();
    // Only a group with a finished proof offers Export.
    expect(screen.getByRole('button', { name: 'Export Holidays' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export Desk' })).toBeNull();
  });

  it('keeps Export off the rows: one Export for all, one per group of several, and the row menu', async () => {
    const group = makeGroup({ label: 'holiday.jpg' });
    await renderApp(createFakeApi({ groups: [group], jobs: [makeJob({ groupId: group.id, name: 'holiday.jpg', state: 'succeeded', result: makeResult() })] }));
    expect(screen.getAllByRole('button', { name: /^Export/ }).map((b) => b.textContent)).toEqual(['Export all finished']);
  });

  it('names a drop that came from no folder by the time it was added', async () => {
    const group = makeGroup({ label: '2 photos', createdAt: new Date(2026, 10, 3, 14, 5).getTime() });
    await renderApp(createFakeApi({ groups: [group], jobs: [makeJob({ groupId: group.id }), makeJob({ groupId: group.id })] }));
    const heading = screen.getByRole('heading', { level: 2 }).textContent!;
    expect(heading).toMatch(/^Added .*14.05|^Added .*2.05/);
    expect(screen.queryByText(/2 photos · 2 photos/)).toBeNull();
  });

  it('shows state in plain words, the stage label, steps done of total, and the ETA', async () => {
    const job = makeJob({
      name: 'harbour.jpg',
      state: 'running',
      stage: { name: 'prove', label: 'Making the proof', index: 3, total: 5 },
      progress: { done: 2, total: 4, etaMs: 150_000 },
    });
    await renderApp(createFakeApi({ jobs: [job] }));
    const r = row('harbour.jpg');
    expect(within(r).getByText('Making the proof', { selector: '.state' })).toBeTruthy();
    expect(r.querySelector('.job-row__stage')).toBeNull(); // not said twice
    expect(within(r).getByText('2 of 4 done')).toBeTruthy();
    expect(within(r).getByText('about 3 min left')).toBeTruthy();
    // The proof steps, not the stage: 2 of 4 steps is 50 %, though proving is stage 4 of 5.
    expect(within(r).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
  });

  it('uses an indeterminate bar while the stage counts nothing, never a share of the stages', async () => {
    const unknown = makeJob({ name: 'a.jpg', state: 'running' });
    const staged = makeJob({ name: 'b.jpg', state: 'running', stage: { name: 'check', label: 'Checking the signature and the photo', index: 1, total: 5 } });
    await renderApp(createFakeApi({ jobs: [unknown, staged] }));
    const bar = within(row('a.jpg')).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBeNull();
    expect(bar.getAttribute('aria-busy')).toBe('true');
    const staging = within(row('b.jpg')).getByRole('progressbar');
    expect(staging.getAttribute('aria-valuenow')).toBeNull();
    expect(staging.getAttribute('aria-busy')).toBe('true');
    expect(within(row('b.jpg')).getByText('Checking the signature and the photo', { selector: '.job-row__stage' })).toBeTruthy();
  });

  it('applies deltas from main: new state, removed jobs, new groups', async () => {
    const group = makeGroup({ label: 'Drop one' });
    const job = makeJob({ groupId: group.id, name: 'x.jpg' });
    const api = createFakeApi({ groups: [group], jobs: [job] });
    await renderApp(api);
    expect(within(row('x.jpg')).getByText('Waiting')).toBeTruthy();

    const group2 = makeGroup({ label: 'Drop two', createdAt: group.createdAt + 10 });
    const added = makeJob({ groupId: group2.id, name: 'y.jpg' });
    act(() => api.emit('jobs:changed', { upserts: [{ ...job, state: 'running' }, added], removed: [], groups: [group2], removedGroups: [] }));
    expect(within(row('x.jpg')).getByText('Making the proof', { selector: '.state' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Drop two' })).toBeTruthy();

    act(() => api.emit('jobs:changed', { upserts: [], removed: [job.id], groups: [], removedGroups: [group.id] }));
    expect(screen.queryByRole('listitem', { name: /^x\.jpg,/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Drop one' })).toBeNull();
  });

  it("shows a lazy thumbnail served beside the page for the job (never a file path) and falls back to an icon", async () => {
    const job = makeJob({ name: 'my photo #1.jpg' });
    await renderApp(createFakeApi({ jobs: [job] }));
    const img = row('my photo #1.jpg').querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('src')).toBe(`thumbnails/${encodeURIComponent(job.id)}`);
    expect(img.getAttribute('src')).not.toContain('Pictures');
    fireEvent.error(img);
    expect(within(row('my photo #1.jpg')).getByTestId('thumb-icon')).toBeTruthy();
  });

  it('renders 10,000 jobs quickly with only the visible rows in the DOM', async () => {
    const groups = Array.from({ length: 10 }, (_, g) => makeGroup({ label: `Batch ${g}`, createdAt: 10_000 - g }));
    const jobs = Array.from({ length: 10_000 }, (_, i) => makeJob({ groupId: groups[i % 10].id, name: `img-${i}.jpg`, createdAt: i }));
    const api = createFakeApi({ groups, jobs });
    const started = performance.now();
    await renderApp(api);
    const elapsed = performance.now() - started;
    const rows = screen.getAllByRole('listitem').filter((el) => el.classList.contains('job-row'));
    // 600 px of viewport / 72 px rows, plus overscan: far fewer than 10,000.
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(Math.ceil(VIEWPORT_HEIGHT / 72) + 20);
    expect(elapsed).toBeLessThan(3000);

    // A delta touching one job re-renders quickly too.
    const t0 = performance.now();
    act(() => api.emit('jobs:changed', { upserts: [{ ...jobs[0], state: 'running' }], removed: [], groups: [], removedGroups: [] }));
    expect(performance.now() - t0).toBeLessThan(1000);
    console.info(`10,000 jobs: first render ${elapsed.toFixed(0)} ms, ${rows.length} rows in the DOM, one delta ${(performance.now() - t0).toFixed(0)} ms`);

    // Scrolling far down brings other rows in, still only a window of them.
    const scroller = screen.getByTestId('job-list-scroller');
    act(() => {
      scroller.scrollTop = 400_000;
      fireEvent.scroll(scroller);
    });
    const after = screen.getAllByRole('listitem').filter((el) => el.classList.contains('job-row'));
    expect(after.length).toBeLessThan(Math.ceil(VIEWPORT_HEIGHT / 72) + 20);
    expect(after.some((el) => el.getAttribute('aria-label')?.startsWith('img-0.jpg'))).toBe(false);
  });
});
