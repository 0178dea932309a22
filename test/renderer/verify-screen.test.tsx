// Checking a proof pack: drop the pack (and optionally the photo), the files go to verify.run as File objects,
// and the verdict reads in plain words — valid with what was proved, or invalid with the code's sentence and hint.
import { fireEvent, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorInfo, type ErrorCode } from '../../common/error-codes.js';
import type { VerifyOutcome } from '../../common/ipc-contract.js';
import { DOES_NOT_PROVE, PROVES } from '../../common/proof-statement.js';
import { apiError, createFakeApi, type FakeApi } from './support/fake-api.js';
import { renderApp, useRendererTest } from './support/render-app.js';

useRendererTest();

const pack = () => new File(['{"format":"shutterproof-proof-pack"}'], 'beach.proof.json', { type: 'application/json' });
const photo = () => new File(['jpeg'], 'beach.jpg', { type: 'image/jpeg' });
const jobError = (code: ErrorCode) => ({ ...errorInfo(code), code });

async function openVerify(api: FakeApi) {
  await renderApp(api);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Check a proof' }));
  expect(screen.getByRole('heading', { name: 'Check a proof' })).toBeTruthy();
  return user;
}

function drop(files: File[]) {
  const target = screen.getByLabelText(/drop a proof pack/i);
  const dataTransfer = { files, types: ['Files'], dropEffect: 'none' };
  fireEvent.dragEnter(target, { dataTransfer });
  fireEvent.dragOver(target, { dataTransfer });
  fireEvent.drop(target, { dataTransfer });
}

const result = () => screen.findByRole('region', { name: 'Result' });

describe('verify screen', () => {
  it('cannot check before a proof pack is chosen', async () => {
    const api = createFakeApi();
    await openVerify(api);
    const button = screen.getByRole('button', { name: 'Check proof' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    drop([photo()]);
    expect(button.disabled).toBe(true);
    expect(screen.getByText('beach.jpg')).toBeTruthy();
  });

  it('sends a dropped pack and photo to verify.run and shows a valid proof with what it proves', async () => {
    const api = createFakeApi();
    const outcome: VerifyOutcome = {
      valid: true,
      photoMatches: true,
      publicInputs: { assetHash: 'ef'.repeat(32), trustRoot: '5550123' },
      trustList: { name: 'Newsroom cameras', root: '5550123', size: 3 },
      createdAt: '2026-11-20T10:00:00.000Z',
    };
    api.verify.run = vi.fn(async () => outcome);
    const user = await openVerify(api);
    const p = pack();
    const ph = photo();
    drop([ph, p]); // order does not matter: the .json is the pack
    expect(screen.getByText('beach.proof.json')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    expect(api.verify.run).toHaveBeenCalledWith(p, ph);

    const region = await result();
    expect(within(region).getByText('This proof is valid ✓')).toBeTruthy();
    expect(within(region).getByText('The photo you chose is the one this proof is about.')).toBeTruthy();
    expect(within(region).getByText('Newsroom cameras — 3 issuers')).toBeTruthy();
    expect(within(region).getByText('ef'.repeat(32))).toBeTruthy();
    expect(within(region).getAllByText('5550123').length).toBeGreaterThan(0);
    for (const line of [...PROVES, ...DOES_NOT_PROVE]) expect(within(region).getByText(line)).toBeTruthy();
  });

  it('without a photo, checks the pack alone and says the photo can be added', async () => {
    const api = createFakeApi();
    api.verify.run = vi.fn(async () => ({ valid: true, publicInputs: { assetHash: '01'.repeat(32), trustRoot: '7' } }));
    const user = await openVerify(api);
    const p = pack();
    await user.upload(screen.getByLabelText('Proof pack'), p);
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    expect(api.verify.run).toHaveBeenCalledWith(p, undefined);
    const region = await result();
    expect(within(region).getByText('Add the photo to check that the proof is about it.')).toBeTruthy();
  });

  it('chooses the pack and the photo with their buttons, and removes the photo again', async () => {
    const api = createFakeApi();
    api.verify.run = vi.fn(async () => ({ valid: true, photoMatches: true, publicInputs: { assetHash: '01'.repeat(32), trustRoot: '7' } }));
    const user = await openVerify(api);
    expect(screen.getByText('Drop a .proof.json file here, or choose one.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove the photo' })).toBeNull();
    const p = pack();
    const ph = photo();
    await user.upload(screen.getByLabelText('Proof pack'), p);
    await user.upload(screen.getByLabelText('Photo'), ph);
    expect(screen.getByText('beach.proof.json')).toBeTruthy();
    expect(screen.getByText('beach.jpg')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    expect(api.verify.run).toHaveBeenLastCalledWith(p, ph);
    expect(await result()).toBeTruthy();

    // Removing the photo clears the verdict that was about it; the next check is of the pack alone.
    await user.click(screen.getByRole('button', { name: 'Remove the photo' }));
    expect(screen.queryByText('beach.jpg')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Result' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    expect(api.verify.run).toHaveBeenLastCalledWith(p, undefined);
  });

  it('warns when the proof holds but the photo is a different one', async () => {
    const api = createFakeApi();
    api.verify.run = vi.fn(async () => ({ valid: true, photoMatches: false, publicInputs: { assetHash: '01'.repeat(32), trustRoot: '7' } }));
    const user = await openVerify(api);
    drop([pack(), photo()]);
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    const region = await result();
    expect(within(region).getByText('The photo you chose is not the one this proof is about.')).toBeTruthy();
  });

  it.each<ErrorCode>(['proof_invalid', 'verification_key_mismatch', 'photo_mismatch'])('an invalid proof (%s) reads with its sentence and hint', async (code) => {
    const api = createFakeApi();
    api.verify.run = vi.fn(async () => ({ valid: false, error: { ...jobError(code), detail: 'step 3 failed' } }));
    const user = await openVerify(api);
    drop([pack()]);
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    const region = await result();
    expect(within(region).getByText('This proof is not valid.')).toBeTruthy();
    expect(within(region).getByText(errorInfo(code).message)).toBeTruthy();
    expect(within(region).getByText(errorInfo(code).hint)).toBeTruthy();
    expect(within(region).getByText('step 3 failed')).toBeTruthy();
    expect(within(region).queryByText('This proof is valid ✓')).toBeNull();
  });

  it('a refused call (unreadable pack) shows the sentence and hint, and a new file clears it', async () => {
    const api = createFakeApi();
    api.verify.run = vi.fn(async () => {
      throw apiError('pack_invalid', 'missing field "proof"');
    });
    const user = await openVerify(api);
    drop([pack()]);
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(errorInfo('pack_invalid').message)).toBeTruthy();
    expect(within(alert).getByText(errorInfo('pack_invalid').hint)).toBeTruthy();
    expect(within(alert).getByText('missing field "proof"')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Result' })).toBeNull();
    drop([new File(['{}'], 'other.proof.json')]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says it is checking while verify.run is under way', async () => {
    const api = createFakeApi();
    let finish!: (o: VerifyOutcome) => void;
    api.verify.run = vi.fn(() => new Promise<VerifyOutcome>((resolve) => (finish = resolve)));
    const user = await openVerify(api);
    drop([pack()]);
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    const busy = screen.getByRole('button', { name: 'Checking…' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    finish({ valid: true });
    expect(await screen.findByText('This proof is valid ✓')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Check proof' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
