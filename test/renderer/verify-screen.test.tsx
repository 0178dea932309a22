// Checking a proof pack: drop the pack (and optionally the photo), the files go to verify.run as File objects,
// and the verdict reads in plain words — valid with who vouched (from the app's own trust lists) and what was
// proved, the pack's own claims apart as unproved notes, or one distinct verdict per way of failing.
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

  it('sends a dropped pack and photo to verify.run and shows who vouched, what it proves, and the unproved notes apart', async () => {
    const api = createFakeApi();
    const outcome: VerifyOutcome = {
      valid: true,
      photoMatches: true,
      publicInputs: { assetHash: 'ef'.repeat(32), trustRoot: '5550123' },
      anchor: { list: 'Newsroom cameras', issuers: 1, issuer: 'Newsroom Camera CA' },
      notes: { trustListName: 'Adobe Content Authenticity Root (official)', issuers: 1, createdAt: '2026-11-20T10:00:00.000Z' },
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
    expect(within(region).getByText('Newsroom Camera CA')).toBeTruthy();
    expect(region.textContent).toContain('an authority on your trust list “Newsroom cameras”');
    expect(within(region).getByText('The photo you chose is the one this proof is about.')).toBeTruthy();
    // The pack's own list name is shown only under "not proved".
    const notes = within(region).getByRole('region', { name: 'Not proved' });
    expect(within(notes).getByText('Adobe Content Authenticity Root (official) — 1 issuer')).toBeTruthy();
    expect(region.textContent!.indexOf('Adobe')).toBeGreaterThan(region.textContent!.indexOf('Said by the pack, not proved'));
    expect(within(region).getByText('ef'.repeat(32)).closest('details')).toBeTruthy();
    for (const line of [...PROVES, ...DOES_NOT_PROVE]) expect(within(region).getByText(line)).toBeTruthy();
  });

  it('names the list, not an authority, when the signer hides among several', async () => {
    const api = createFakeApi();
    api.verify.run = vi.fn(async () => ({ valid: true, anchor: { list: 'C2PA', issuers: 12 } }));
    const user = await openVerify(api);
    drop([pack()]);
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    const region = await result();
    expect(region.textContent).toContain('one of the 12 authorities on your trust list “C2PA”; which one stays hidden');
  });

  it('warns when the app has no trust list of its own to check against', async () => {
    const api = createFakeApi();
    const warning = 'No trust list of yours was used: this proof is anchored only in a list that came with the pack.';
    api.verify.run = vi.fn(async () => ({ valid: true, warning }));
    const user = await openVerify(api);
    drop([pack()]);
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    const region = await result();
    expect(within(region).getByText('This proof holds, but not for an authority you chose to trust')).toBeTruthy();
    expect(region.textContent).toContain(warning);
    expect(within(region).queryByText('This proof is valid ✓')).toBeNull();
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

  it.each<[ErrorCode, string]>([
    ['photo_mismatch', 'The proof holds, but it is about a different photo than the one you chose.'],
    ['pack_invalid', 'This file is not a proof pack.'],
    ['proof_invalid', 'This proof is forged or damaged.'],
    ['verification_key_mismatch', 'This proof is forged or damaged.'],
    ['trust_list_mismatch', 'This proof was made for authorities that are not on your trust lists.'],
    ['circuit_version_unsupported', 'This proof was made by an older version of Shutterproof and is no longer accepted.'],
  ])('a failed check (%s) has its own verdict, sentence and hint', async (code, verdict) => {
    const api = createFakeApi();
    api.verify.run = vi.fn(async () => ({ valid: false, error: { ...jobError(code), detail: 'step 3 failed' } }));
    const user = await openVerify(api);
    drop([pack()]);
    await user.click(screen.getByRole('button', { name: 'Check proof' }));
    const region = await result();
    expect(within(region).getByText(verdict)).toBeTruthy();
    // The verdict says it in the screen's words; the code's own sentence is not said a second time.
    if (errorInfo(code).message !== verdict) expect(within(region).queryByText(errorInfo(code).message)).toBeNull();
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
