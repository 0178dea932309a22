// What a person understands at a glance: a photo's verdict as soon as it is added, time left that counts down,
// a total for the queue and in the window title, details as a drawer in a narrow window, and no proof talk on
// failures.
import { act, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import { createFakeApi } from './support/fake-api.js';
import { makeGroup, makeJob, makeResult } from './support/factories.js';
import { renderApp, setWindowWidth, useRendererTest } from './support/render-app.js';

useRendererTest();
afterEach(() => vi.useRealTimers());

const row = (name: string) => screen.getByRole('listitem', { name: new RegExp(`^${name.replace('.', '\\.')},`) });

describe('fail fast', () => {
  it('shows "Checking the photo…" while the quick check runs, then its verdict, without Retry where it cannot help', async () => {
    const job = makeJob({ name: 'plain.jpg', check: 'pending' });
    const api = createFakeApi({ jobs: [job] });
    await renderApp(api);
    expect(within(row('plain.jpg')).getByText('Checking the photo…')).toBeTruthy();
    const info = errorInfo('no_content_credentials');
    act(() =>
      api.emit('jobs:changed', { upserts: [{ ...job, state: 'failed', check: undefined, error: { code: 'no_content_credentials', ...info } }], removed: [], groups: [], removedGroups: [] }),
    );
    expect(within(row('plain.jpg')).getByText(info.message)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry plain.jpg' })).toBeNull();
  });
});

describe('time that tells the truth', () => {
  it('counts down between steps in the row, the details and the window title, with a total for the queue', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const now = new Date(2026, 10, 3, 12, 0).getTime();
    vi.setSystemTime(now);
    const running = makeJob({ name: 'harbour.jpg', state: 'running', startedAt: now - 60_000, estimate: { typicalMs: 420_000, measured: true, finishAt: now + 5 * 60_000 } });
    const waiting = makeJob({ name: 'pier.jpg', check: 'passed', estimate: { typicalMs: 420_000, measured: true } });
    await renderApp(createFakeApi({ jobs: [running, waiting] }));
    expect(within(row('harbour.jpg')).getByText('about 5 min left')).toBeTruthy();
    expect(within(row('pier.jpg')).getByText('about 7 min once it starts')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Time for the photos to go' }).textContent).toBe('2 photos to go — about 12 min left');
    expect(document.title).toBe('2 photos to go — about 12 min left · Shutterproof');
    await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(screen.getByRole('button', { name: 'Details of harbour.jpg' }));
    act(() => void vi.advanceTimersByTime(2 * 60_000));
    expect(within(row('harbour.jpg')).getByText('about 3 min left')).toBeTruthy();
    expect(within(screen.getByRole('complementary', { name: 'Details of harbour.jpg' })).getByText('about 3 min left')).toBeTruthy();
    expect(document.title).toBe('2 photos to go — about 10 min left · Shutterproof');
  });

  it('says a waiting figure is typical until this computer has made a proof', async () => {
    await renderApp(createFakeApi({ jobs: [makeJob({ name: 'a.jpg', check: 'passed', estimate: { typicalMs: 420_000, measured: false } })] }));
    expect(within(row('a.jpg')).getByText('about 7 min once it starts (typical)')).toBeTruthy();
  });
});

describe('narrow windows', () => {
  it('opens details as a drawer and folds row actions into a menu below 1100 px', async () => {
    const job = makeJob({ name: 'a-very-long-file-name-from-the-camera.jpg', state: 'running' });
    await renderApp(createFakeApi({ jobs: [job] }));
    expect(screen.getByRole('button', { name: `Cancel ${job.file.name}` })).toBeTruthy();
    act(() => setWindowWidth(900));
    expect(screen.queryByRole('button', { name: `Cancel ${job.file.name}` })).toBeNull();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: `More actions for ${job.file.name}` }));
    expect(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Cancel' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: `Details of ${job.file.name}` }));
    expect(screen.getByRole('complementary', { name: `Details of ${job.file.name}` }).className).toContain('details--drawer');
    // The list keeps its width: the name is still there in full.
    expect(within(row(job.file.name)).getByText(job.file.name)).toBeTruthy();
  });
});

describe('clutter and words', () => {
  it('shows no "What this proof proves" for a failed job, and keeps hashes and circuit ids under Technical details', async () => {
    const group = makeGroup();
    const failed = makeJob({ groupId: group.id, name: 'bad.jpg', state: 'failed', error: { code: 'hash_mismatch', ...errorInfo('hash_mismatch') } });
    const done = makeJob({ groupId: group.id, name: 'good.jpg', state: 'succeeded', result: makeResult() });
    await renderApp(createFakeApi({ groups: [group], jobs: [failed, done] }));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Details of bad.jpg' }));
    expect(screen.queryByText('What this proof proves')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Details of good.jpg' }));
    const details = screen.getByRole('complementary', { name: 'Details of good.jpg' });
    expect(within(details).getByText('What this proof proves')).toBeTruthy();
    const circuit = within(details).getByText('Circuit');
    expect(circuit.closest('details')?.querySelector('summary')?.textContent).toBe('Technical details');
  });

  it('has hints in plain words: no PEM, CA, P-256 or ES256 in the sentences of the main views', () => {
    for (const code of ['trust_list_invalid', 'unsupported_algorithm', 'trust_list_removed'] as const) {
      const { message, hint } = errorInfo(code);
      expect(`${message} ${hint}`).not.toMatch(/\bPEM\b|\bCA\b|P-256|ES256/);
    }
    expect(errorInfo('trust_list_removed').message).not.toBe(errorInfo('trust_list_invalid').message);
  });
});
