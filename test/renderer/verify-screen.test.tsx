// The Verify screen: drop a proof pack and optionally its photo, and read valid / not valid in plain words.
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import { apiError, createFakeApi } from './support/fake-api.js';
import { renderApp, useRendererTest } from './support/render-app.js';

useRendererTest();

async function openVerify() {
  await userEvent.setup().click(screen.getByRole('button', { name: 'Check a proof' }));
}

function drop(files: File[]) {
  const target = screen.getByLabelText(/drop a proof pack/i);
  const dataTransfer = { files, types: ['Files'] };
  fireEvent.dragEnter(target, { dataTransfer });
  fireEvent.drop(target, { dataTransfer });
}

const pack = () => new File(['{}'], 'pier.proof.json', { type: 'application/json' });
const photo = () => new File(['jpeg'], 'pier.jpg', { type: 'image/jpeg' });

describe('verify screen', () => {
  it('verifies a dropped pack with its photo and says what was proved', async () => {
    const api = createFakeApi();
    vi.mocked(api.verify.run).mockResolvedValue({
      valid: true,
      photoMatches: true,
      publicInputs: { assetHash: '12'.repeat(32), trustRoot: '777' },
      trustList: { name: 'Newsroom cameras', root: '777', size: 4 },
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    await renderApp(api);
    await openVerify();
    const p = pack();
    const ph = photo();
    drop([p, ph]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Check proof' }));
    expect(api.verify.run).toHaveBeenCalledWith(p, ph);
    const result = await screen.findByRole('region', { name: 'Result' });
    expect(within(result).getByText('This proof is valid ✓')).toBeTruthy();
    expect(within(result).getByText('The photo you chose is the one this proof is about.')).toBeTruthy();
    expect(within(result).getByText('Newsroom cameras — 4 issuers')).toBeTruthy();
    expect(within(result).getByText('12'.repeat(32))).toBeTruthy();
    expect(within(result).getByText('What this proof says')).toBeTruthy();
    expect(within(result).getByText(/^Revocation:/)).toBeTruthy();
  });

  it('verifies a pack alone, chosen with the file field, and suggests adding the photo', async () => {
    const api = createFakeApi();
    vi.mocked(api.verify.run).mockResolvedValue({ valid: true });
    await renderApp(api);
    await openVerify();
    const user = userEvent.setup();
    const p = pack();
    await user.upload(screen.getByLabelText('Proof pack'), p);
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    expect(api.verify.run).toHaveBeenCalledWith(p, undefined);
    expect(await screen.findByText(/add the photo to check that the proof is about it/i)).toBeTruthy();
  });

  it('an invalid proof shows the error sentence and hint', async () => {
    const info = errorInfo('photo_mismatch');
    const api = createFakeApi();
    vi.mocked(api.verify.run).mockResolvedValue({ valid: false, error: { code: 'photo_mismatch', message: info.message, hint: info.hint, retryable: false } });
    await renderApp(api);
    await openVerify();
    drop([pack(), photo()]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Check proof' }));
    const result = await screen.findByRole('region', { name: 'Result' });
    expect(within(result).getByText('This proof is not valid.')).toBeTruthy();
    expect(within(result).getByText(info.message)).toBeTruthy();
    expect(within(result).getByText(info.hint)).toBeTruthy();
  });

  it('a rejected call (not a proof pack) shows its sentence and hint', async () => {
    const api = createFakeApi();
    vi.mocked(api.verify.run).mockRejectedValue(apiError('pack_invalid', 'format field missing'));
    await renderApp(api);
    await openVerify();
    drop([new File(['x'], 'notes.json')]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Check proof' }));
    expect(await screen.findByText(errorInfo('pack_invalid').message)).toBeTruthy();
    expect(screen.getByText(errorInfo('pack_invalid').hint)).toBeTruthy();
    expect(screen.getByText('format field missing')).toBeTruthy();
  });

  it('cannot check before a pack is chosen', async () => {
    await renderApp(createFakeApi());
    await openVerify();
    expect((screen.getByRole('button', { name: 'Check proof' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
