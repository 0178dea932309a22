// The live log: on open it resyncs with jobs.logs(jobId, after), appends onLog batches by seq without duplicates,
// refills gaps, follows the tail unless the user scrolled up, and copies its text.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeApi } from './support/fake-api.js';
import { makeJob, makeLines } from './support/factories.js';
import { renderApp, useRendererTest, VIEWPORT_HEIGHT } from './support/render-app.js';
import { LOG_LINE_HEIGHT } from '../../renderer/src/components/log-pane.js';

useRendererTest();

const seqsInDom = () => [...screen.getByTestId('log-scroller').querySelectorAll('[data-seq]')].map((el) => Number(el.getAttribute('data-seq')));

async function open(name: string) {
  await userEvent.setup().click(screen.getByRole('button', { name: `Details of ${name}` }));
}

describe('log pane', () => {
  it('resyncs on open from what the store already holds, then appends batches and drops duplicates', async () => {
    const job = makeJob({ name: 'log.jpg', state: 'running' });
    const api = createFakeApi({ jobs: [job], logs: { [job.id]: makeLines(1, 5) } });
    await renderApp(api);
    // Lines 1-3 arrived live before the pane was opened.
    act(() => api.emit('jobs:log', { jobId: job.id, lines: makeLines(1, 3) }));
    await open('log.jpg');
    expect(api.jobs.logs).toHaveBeenCalledWith(job.id, 3);
    await waitFor(() => expect(seqsInDom()).toEqual([1, 2, 3, 4, 5]));

    // An overlapping batch (4-7) adds only 6 and 7.
    act(() => api.emit('jobs:log', { jobId: job.id, lines: makeLines(4, 7) }));
    expect(seqsInDom()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(screen.getByText('7 lines')).toBeTruthy();
    expect(screen.getAllByText('line 6')).toHaveLength(1);
  });

  it('asks from the start when it holds only a later part, and refills a gap in the sequence', async () => {
    const job = makeJob({ name: 'gap.jpg', state: 'running' });
    const api = createFakeApi({ jobs: [job], logs: { [job.id]: makeLines(1, 12) } });
    await renderApp(api);
    act(() => api.emit('jobs:log', { jobId: job.id, lines: makeLines(5, 6) }));
    await open('gap.jpg');
    expect(api.jobs.logs).toHaveBeenLastCalledWith(job.id, 0);
    await waitFor(() => expect(seqsInDom()).toEqual(Array.from({ length: 12 }, (_, i) => i + 1)));

    // Main dropped 13-15 from an overfull batch: the pane sees the hole and asks for everything after 12.
    api.state.logs[job.id] = makeLines(1, 18);
    act(() => api.emit('jobs:log', { jobId: job.id, lines: makeLines(16, 18) }));
    await waitFor(() => expect(api.jobs.logs).toHaveBeenLastCalledWith(job.id, 12));
    await waitFor(() => expect(seqsInDom()).toContain(14));
    expect(screen.getByText('18 lines')).toBeTruthy();
  });

  it('is virtualised, follows the tail, and stops following when the user scrolls up', async () => {
    const job = makeJob({ name: 'tail.jpg', state: 'running' });
    const api = createFakeApi({ jobs: [job], logs: { [job.id]: makeLines(1, 500) } });
    await renderApp(api);
    await open('tail.jpg');
    const scroller = screen.getByTestId('log-scroller');
    await waitFor(() => expect(screen.getByText('500 lines')).toBeTruthy());
    // Only a window of lines exists, and it is the end of the log.
    await waitFor(() => expect(seqsInDom()).toContain(500));
    expect(seqsInDom().length).toBeLessThan(VIEWPORT_HEIGHT / LOG_LINE_HEIGHT + 50);
    expect(scroller.scrollTop).toBe(500 * LOG_LINE_HEIGHT - VIEWPORT_HEIGHT);

    act(() => api.emit('jobs:log', { jobId: job.id, lines: makeLines(501, 520) }));
    await waitFor(() => expect(scroller.scrollTop).toBe(520 * LOG_LINE_HEIGHT - VIEWPORT_HEIGHT));

    // The user scrolls up to read: new lines no longer move the view.
    act(() => {
      scroller.scrollTop = 100;
      fireEvent.scroll(scroller);
    });
    act(() => api.emit('jobs:log', { jobId: job.id, lines: makeLines(521, 540) }));
    expect(screen.getByText('540 lines')).toBeTruthy();
    expect(scroller.scrollTop).toBe(100);

    // Back at the bottom, it follows again.
    act(() => {
      scroller.scrollTop = 540 * LOG_LINE_HEIGHT - VIEWPORT_HEIGHT;
      fireEvent.scroll(scroller);
    });
    act(() => api.emit('jobs:log', { jobId: job.id, lines: makeLines(541, 545) }));
    await waitFor(() => expect(scroller.scrollTop).toBe(545 * LOG_LINE_HEIGHT - VIEWPORT_HEIGHT));
  });

  it('Copy puts the whole log on the clipboard', async () => {
    const job = makeJob({ name: 'copy.jpg', state: 'failed' });
    const api = createFakeApi({ jobs: [job], logs: { [job.id]: makeLines(1, 3) } });
    await renderApp(api);
    await open('copy.jpg');
    // After user-event's setup, which installs its own clipboard.
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const pane = screen.getByRole('region', { name: 'Log' });
    await waitFor(() => expect(within(pane).getByText('3 lines')).toBeTruthy());
    await act(async () => fireEvent.click(within(pane).getByRole('button', { name: 'Copy' })));
    expect(writeText).toHaveBeenCalledTimes(1);
    const text = writeText.mock.calls[0][0];
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toContain('INFO line 2');
    expect(await within(pane).findByRole('button', { name: 'Copied' })).toBeTruthy();
  });
});
