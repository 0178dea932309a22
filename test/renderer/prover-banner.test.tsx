// The prover banner shows first-time preparation with real progress, restarts and failures, and nothing when ready.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import { createFakeApi } from './support/fake-api.js';
import { makeJob } from './support/factories.js';
import { renderApp, useRendererTest } from './support/render-app.js';

useRendererTest();

describe('prover banner', () => {
  it('says the prover is getting ready (not "first time only") with the reported progress, then goes away', async () => {
    const api = createFakeApi({ status: { state: 'warming', done: 1, total: 4, label: 'Compiling the signature circuit' } });
    await renderApp(api);
    expect(await screen.findByText('Getting the prover ready — about a minute')).toBeTruthy();
    expect(screen.queryByText(/first time only/)).toBeNull();
    expect(screen.getByText('Compiling the signature circuit')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Preparing the prover' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');

    act(() => api.emit('prover:status', { state: 'warming', done: 3, total: 4, label: 'Compiling the merge step' }));
    expect(screen.getByRole('progressbar', { name: 'Preparing the prover' }).getAttribute('aria-valuenow')).toBe('75');
    expect(screen.getByText('3 of 4')).toBeTruthy();

    act(() => api.emit('prover:status', { state: 'ready' }));
    expect(screen.queryByText('Getting the prover ready — about a minute')).toBeNull();
  });

  it('says "several minutes" only when the keys are being made for the first time', async () => {
    const api = createFakeApi({ status: { state: 'warming', done: 0, total: 3, label: 'Preparing the hashing steps', firstTime: true } });
    await renderApp(api);
    expect(await screen.findByText('Getting the prover ready for the first time — several minutes')).toBeTruthy();
    expect(screen.getByText(/This happens once on this computer/)).toBeTruthy();
    expect(screen.queryByText('Getting the prover ready — about a minute')).toBeNull();
  });

  it('explains a restart and a failure in plain words', async () => {
    const api = createFakeApi();
    await renderApp(api);
    act(() => api.emit('prover:status', { state: 'restarting', reason: 'The prover stopped unexpectedly.' }));
    expect(screen.getByText('Restarting the prover…')).toBeTruthy();
    const info = errorInfo('out_of_memory');
    act(() => api.emit('prover:status', { state: 'failed', error: { code: 'out_of_memory', message: info.message, hint: info.hint, retryable: true } }));
    expect(screen.getByText(info.message)).toBeTruthy();
    expect(screen.getByText(info.hint)).toBeTruthy();
  });

  it('gives a prover that could not start its Try again and Copy the log buttons', async () => {
    const api = createFakeApi();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await renderApp(api);
    const info = errorInfo('prover_crashed');
    act(() => api.emit('prover:status', { state: 'failed', error: { code: 'prover_crashed', message: info.message, hint: info.hint, retryable: true, detail: 'exit 1\nstack' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(api.prover.restart).toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy the log' })));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('exit 1'));
    // Its next step points at these buttons, not at a Details pane.
    expect(screen.getByText(/copy the log and send it/)).toBeTruthy();
    expect(screen.queryByText(info.hint)).toBeNull();
    expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('says "Waiting for the prover" on rows while it gets ready', async () => {
    const api = createFakeApi({ status: { state: 'warming', done: 0, total: 4, label: 'Compiling' }, jobs: [makeJob({ name: 'a.jpg', check: 'passed' }), makeJob({ name: 'b.jpg', state: 'running', stage: { name: 'prove', label: 'Making the proof', index: 0, total: 1 } })] });
    await renderApp(api);
    expect(screen.getByRole('listitem', { name: 'a.jpg, Waiting for the prover' })).toBeTruthy();
    // A proof already sent to the prover waits too, and says only that.
    const sent = screen.getByRole('listitem', { name: 'b.jpg, Waiting for the prover' });
    expect(within(sent).queryByText('Making the proof')).toBeNull();
    expect(within(sent).getAllByText('Waiting for the prover')).toHaveLength(1);
  });
});
