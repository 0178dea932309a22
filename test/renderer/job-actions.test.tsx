// Every job action reaches main through the preload API, removal asks first, export offers the stripped-photo
// choice, and the keyboard works: Enter opens details, Delete asks to remove, arrows move between rows.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import { apiError, createFakeApi, defaultSettings } from './support/fake-api.js';
import { makeGroup, makeJob, makeResult } from './support/factories.js';
import { renderApp, useRendererTest } from './support/render-app.js';

useRendererTest();

/** Opens a row's More menu and chooses an item in it. */
async function fromMenu(user: ReturnType<typeof userEvent.setup>, name: string, item: string) {
  await user.click(screen.getByRole('button', { name: `More actions for ${name}` }));
  await user.click(within(screen.getByRole('menu', { name: `More actions for ${name}` })).getByRole('menuitem', { name: item }));
}

const row = (name: string) => screen.getByRole('listitem', { name: new RegExp(`^${name.replace('.', '\\.')},`) });

function fixture() {
  const group = makeGroup({ label: '4 photos from Desk' });
  const queued = makeJob({ groupId: group.id, name: 'queued.jpg' });
  const running = makeJob({ groupId: group.id, name: 'running.jpg', state: 'running' });
  const failed = makeJob({ groupId: group.id, name: 'failed.jpg', state: 'failed', error: { ...errorInfo('prover_crashed'), code: 'prover_crashed' } });
  const verdict = makeJob({ groupId: group.id, name: 'plain.jpg', state: 'failed', error: { ...errorInfo('no_content_credentials'), code: 'no_content_credentials' } });
  const done = makeJob({ groupId: group.id, name: 'done.jpg', state: 'succeeded', result: makeResult(), exportedTo: '/home/ana/Desktop/proofs/done.proof.json' });
  const fresh = makeJob({ groupId: group.id, name: 'fresh.jpg', state: 'succeeded', result: makeResult() });
  const api = createFakeApi({ groups: [group], jobs: [queued, running, failed, verdict, done, fresh] });
  return { api, group, queued, running, failed, done, fresh };
}

describe('job actions', () => {
  it('cancel, retry, move to top and show in folder call the API with the job id', async () => {
    const { api, queued, running, failed, done } = fixture();
    await renderApp(api);
    const user = userEvent.setup();
    // A waiting photo is cancelled at once: nothing is lost.
    await user.click(screen.getByRole('button', { name: 'Cancel queued.jpg' }));
    expect(api.jobs.cancel).toHaveBeenCalledWith(queued.id);
    // A running proof asks first, and the harmless choice has the focus.
    await user.click(screen.getByRole('button', { name: 'Cancel running.jpg' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop making the proof of running.jpg?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep going' }));
    await user.keyboard('{Enter}');
    expect(api.jobs.cancel).not.toHaveBeenCalledWith(running.id);
    await user.click(screen.getByRole('button', { name: 'Cancel running.jpg' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Stop the proof' }));
    expect(api.jobs.cancel).toHaveBeenCalledWith(running.id);
    await user.click(screen.getByRole('button', { name: 'Retry failed.jpg' }));
    expect(api.jobs.retry).toHaveBeenCalledWith(failed.id);
    await fromMenu(user, 'queued.jpg', 'Move to top');
    expect(api.jobs.moveToTop).toHaveBeenCalledWith(queued.id);
    await fromMenu(user, 'done.jpg', 'Show in folder');
    expect(api.jobs.reveal).toHaveBeenCalledWith(done.id);
    // Show in folder opens the exported copy: a proof not exported yet has only Export.
    await user.click(screen.getByRole('button', { name: 'More actions for fresh.jpg' }));
    const freshMenu = screen.getByRole('menu', { name: 'More actions for fresh.jpg' });
    expect(within(freshMenu).getByRole('menuitem', { name: 'Export…' })).toBeTruthy();
    expect(within(freshMenu).queryByRole('menuitem', { name: 'Show in folder' })).toBeNull();
    await user.keyboard('{Escape}');
    // Actions that make no sense for a state are not offered.
    expect(screen.queryByRole('button', { name: 'Retry queued.jpg' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export queued.jpg' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel done.jpg' })).toBeNull();
    // Retrying a photo without Content Credentials would fail the same way: not offered.
    expect(screen.queryByRole('button', { name: 'Retry plain.jpg' })).toBeNull();
  });

  it('remove asks first, and only removes when confirmed', async () => {
    const { api, done } = fixture();
    await renderApp(api);
    const user = userEvent.setup();
    await fromMenu(user, 'done.jpg', 'Remove…');
    const dialog = screen.getByRole('dialog', { name: 'Remove done.jpg?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep' }));
    expect(api.jobs.remove).not.toHaveBeenCalled();
    await fromMenu(user, 'done.jpg', 'Remove…');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    expect(api.jobs.remove).toHaveBeenCalledWith(done.id);
  });

  it('exports one job with the stripped-photo choice, defaulting to the setting', async () => {
    const { api, done } = fixture();
    api.state.settings = { ...defaultSettings(), includeStrippedPhoto: true };
    await renderApp(api);
    const user = userEvent.setup();
    await fromMenu(user, 'done.jpg', 'Export…');
    const dialog = screen.getByRole('dialog', { name: 'Export done.jpg' });
    const box = within(dialog).getByRole('checkbox', { name: /include the photo without its content credentials/i }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await user.click(box);
    await user.click(within(dialog).getByRole('button', { name: 'Choose folder and export' }));
    expect(api.jobs.export).toHaveBeenCalledWith({ scope: { kind: 'job', jobId: done.id }, includeStrippedPhoto: false });
    expect(await screen.findByText('Exported 1 proof pack.')).toBeTruthy();
    expect(screen.getByText('/home/ana/Desktop/proofs')).toBeTruthy();
    // The notice opens what it wrote.
    vi.mocked(api.jobs.reveal).mockClear();
    const notice = screen.getByText('Exported 1 proof pack.').closest('.notice') as HTMLElement;
    await user.click(within(notice).getByRole('button', { name: 'Show in folder' }));
    expect(api.jobs.reveal).toHaveBeenCalledWith(done.id);
  });

  it('export says why the photo cannot be included for a proof made without a copy of it', async () => {
    const old = makeJob({ name: 'old.jpg', state: 'succeeded', result: makeResult({ strippedPath: undefined }) });
    const api = createFakeApi({ jobs: [old] });
    api.state.settings = { ...defaultSettings(), includeStrippedPhoto: true };
    await renderApp(api);
    const user = userEvent.setup();
    await fromMenu(user, 'old.jpg', 'Export…');
    const dialog = screen.getByRole('dialog', { name: 'Export old.jpg' });
    const box = within(dialog).getByRole('checkbox', { name: /include the photo/i }) as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(box.checked).toBe(false);
    expect(within(dialog).getByText(/kept no copy of the photo: only the proof pack can be exported/)).toBeTruthy();
  });

  it('exports a group and everything finished', async () => {
    const { api, group } = fixture();
    await renderApp(api);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export Desk' }));
    await user.click(screen.getByRole('checkbox', { name: /include the photo/i }));
    await user.click(screen.getByRole('button', { name: 'Choose folder and export' }));
    expect(api.jobs.export).toHaveBeenLastCalledWith({ scope: { kind: 'group', groupId: group.id }, includeStrippedPhoto: true });

    await user.click(screen.getByRole('button', { name: 'Export all finished' }));
    await user.click(screen.getByRole('button', { name: 'Choose folder and export' }));
    expect(api.jobs.export).toHaveBeenLastCalledWith({ scope: { kind: 'all' }, includeStrippedPhoto: false });
  });

  it('a cancelled folder dialog says nothing; a failed export says why', async () => {
    const { api } = fixture();
    vi.mocked(api.jobs.export).mockResolvedValueOnce(null).mockRejectedValueOnce(apiError('disk_full', 'ENOSPC'));
    await renderApp(api);
    const user = userEvent.setup();
    await fromMenu(user, 'done.jpg', 'Export…');
    await user.click(screen.getByRole('button', { name: 'Choose folder and export' }));
    expect(screen.queryByText(/^Exported/)).toBeNull();
    await fromMenu(user, 'done.jpg', 'Export…');
    await user.click(screen.getByRole('button', { name: 'Choose folder and export' }));
    expect(await screen.findByText(`Export failed: ${errorInfo('disk_full').message}`)).toBeTruthy();
    expect(screen.getByText(errorInfo('disk_full').hint)).toBeTruthy();
  });

  it('keyboard: rows are focusable, Enter opens details, Delete asks to remove, arrows move', async () => {
    const { api, running } = fixture();
    await renderApp(api);
    const user = userEvent.setup();
    const first = row('queued.jpg');
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(row('running.jpg'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(row('queued.jpg'));
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('complementary', { name: 'Details of running.jpg' })).toBeTruthy();

    row('running.jpg').focus();
    await user.keyboard('{Delete}');
    const dialog = screen.getByRole('dialog', { name: 'Remove running.jpg?' });
    expect(within(dialog).getByText(/will be stopped/)).toBeTruthy();
    // "Keep" has focus, so Delete then Enter keeps a running proof.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep' }));
    await user.keyboard('{Enter}');
    expect(api.jobs.remove).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Escape closes a dialog without acting', async () => {
    const { api } = fixture();
    await renderApp(api);
    const user = userEvent.setup();
    row('done.jpg').focus();
    await user.keyboard('{Delete}');
    expect(screen.getByRole('dialog')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.jobs.remove).not.toHaveBeenCalled();
  });

  it('a rejected action shows the error sentence and hint', async () => {
    const { api } = fixture();
    vi.mocked(api.jobs.retry).mockRejectedValueOnce(apiError('internal_error', 'engine stopped'));
    await renderApp(api);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Retry failed.jpg' })));
    expect(await screen.findByText(errorInfo('internal_error').message)).toBeTruthy();
    expect(screen.getByText(errorInfo('internal_error').hint)).toBeTruthy();
  });
});
