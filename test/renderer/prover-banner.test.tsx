// The prover banner shows first-time preparation with real progress, restarts and failures, and nothing when ready.
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import { createFakeApi } from './support/fake-api.js';
import { renderApp, useRendererTest } from './support/render-app.js';

useRendererTest();

describe('prover banner', () => {
  it('shows "Preparing the prover — first time only" with the reported progress, then goes away', async () => {
    const api = createFakeApi({ status: { state: 'warming', done: 1, total: 4, label: 'Compiling the signature circuit' } });
    await renderApp(api);
    expect(await screen.findByText('Preparing the prover — first time only')).toBeTruthy();
    expect(screen.getByText('Compiling the signature circuit')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Preparing the prover' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');

    act(() => api.emit('prover:status', { state: 'warming', done: 3, total: 4, label: 'Compiling the merge step' }));
    expect(screen.getByRole('progressbar', { name: 'Preparing the prover' }).getAttribute('aria-valuenow')).toBe('75');
    expect(screen.getByText('3 of 4')).toBeTruthy();

    act(() => api.emit('prover:status', { state: 'ready' }));
    expect(screen.queryByText('Preparing the prover — first time only')).toBeNull();
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
});
