// Adding photos: the empty state teaches, a drop sends the File objects to main, the picker button asks main,
// and skipped files are listed with their error code's sentence.
import { fireEvent, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import { apiError, createFakeApi } from './support/fake-api.js';
import { renderApp, useRendererTest } from './support/render-app.js';

useRendererTest();

function dropFiles(target: Element, files: File[]) {
  const dataTransfer = { files, types: ['Files'], dropEffect: 'none' };
  fireEvent.dragEnter(target, { dataTransfer });
  fireEvent.dragOver(target, { dataTransfer });
  fireEvent.drop(target, { dataTransfer });
}

describe('adding photos', () => {
  it('shows an empty state that says nothing leaves the computer', async () => {
    await renderApp(createFakeApi());
    expect(screen.getByRole('heading', { name: /drop photos with content credentials here/i })).toBeTruthy();
    expect(screen.getByText(/no photo or proof leaves it unless you export it/i)).toBeTruthy();
    // One Add photos… on the empty screen, not a second one in a toolbar above it.
    expect(screen.getAllByRole('button', { name: 'Add photos…' })).toHaveLength(1);
  });

  it('passes dropped File objects (files and folders alike) to jobs.addFiles and reports the outcome', async () => {
    const api = createFakeApi();
    await renderApp(api);
    const photo = new File(['x'], 'beach.jpg', { type: 'image/jpeg' });
    const folder = new File([], 'Holidays');
    dropFiles(screen.getByLabelText(/drop photos or folders/i), [photo, folder]);
    expect(api.jobs.addFiles).toHaveBeenCalledTimes(1);
    expect(vi.mocked(api.jobs.addFiles).mock.calls[0][0]).toEqual([photo, folder]);
    expect(await screen.findByText('Added 2 photos.')).toBeTruthy();
  });

  it('lists skipped files with the plain sentence of their error code', async () => {
    const api = createFakeApi();
    api.jobs.addFiles = vi.fn(async () => ({
      groupId: 'g1',
      added: 1,
      skipped: [
        { name: 'notes.txt', code: 'unsupported_format' as const, message: 'x' },
        { name: 'huge.jpg', code: 'file_too_large' as const, message: 'x' },
      ],
    }));
    await renderApp(api);
    dropFiles(screen.getByLabelText(/drop photos or folders/i), [new File(['a'], 'a.jpg'), new File(['b'], 'notes.txt'), new File(['c'], 'huge.jpg')]);
    const status = await screen.findByText(/Added 1 photo; 2 files were skipped/);
    const notice = status.closest('.notice') as HTMLElement;
    expect(within(notice).getByText(`notes.txt — ${errorInfo('unsupported_format').message}`)).toBeTruthy();
    expect(within(notice).getByText(`huge.jpg — ${errorInfo('file_too_large').message}`)).toBeTruthy();
  });

  it('shows the sentence and hint when main refuses the whole drop', async () => {
    const api = createFakeApi();
    api.jobs.addFiles = vi.fn(async () => {
      throw apiError('queue_full');
    });
    await renderApp(api);
    dropFiles(screen.getByLabelText(/drop photos or folders/i), [new File(['a'], 'a.jpg')]);
    expect(await screen.findByText(`Could not add the photos: ${errorInfo('queue_full').message}`)).toBeTruthy();
    expect(screen.getByText(errorInfo('queue_full').hint)).toBeTruthy();
  });

  it('"Try with a sample photo" asks main to add the shipped sample and says its signer is a demo', async () => {
    const api = createFakeApi();
    await renderApp(api);
    expect(screen.getByText(/signed by the Shutterproof demo authority.*not a real issuer/i)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try with a sample photo' }));
    expect(api.jobs.addSample).toHaveBeenCalledTimes(1);
    expect(api.jobs.addSample).toHaveBeenCalledWith();
    expect(await screen.findByText('Added 1 photo.')).toBeTruthy();
  });

  it('shows the sentence and hint when the sample cannot be added', async () => {
    const api = createFakeApi();
    api.jobs.addSample = vi.fn(async () => {
      throw apiError('sample_missing');
    });
    await renderApp(api);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try with a sample photo' }));
    expect(await screen.findByText(`Could not add the sample photo: ${errorInfo('sample_missing').message}`)).toBeTruthy();
    expect(screen.getByText(errorInfo('sample_missing').hint)).toBeTruthy();
  });

  it('"Add photos…" opens the picker in main and a closed picker changes nothing', async () => {
    const api = createFakeApi();
    await renderApp(api);
    const user = userEvent.setup();
    const [toolbarButton] = screen.getAllByRole('button', { name: 'Add photos…' });
    await user.click(toolbarButton);
    expect(api.jobs.pick).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/^Added/)).toBeNull();
  });
});

