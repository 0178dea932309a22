// The details panel: a finished proof shows what it says and does not say, its public inputs, "Verified ✓",
// timings and trust list; a failure shows its code's sentence and hint, with the technical detail under Details.
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorInfo, type ErrorCode } from '../../common/error-codes.js';
import { SIGNATURES_PROVED } from '../../common/proof-statement.js';
import { createFakeApi } from './support/fake-api.js';
import { makeJob, makeResult } from './support/factories.js';
import { renderApp, useRendererTest } from './support/render-app.js';

useRendererTest();

async function openDetails(name: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: `Details of ${name}` }));
  return screen.getByRole('complementary', { name: `Details of ${name}` });
}

describe('job details', () => {
  it('for a finished proof: verified, public inputs, trust list, timings, and what it does not say', async () => {
    const result = makeResult({ trustList: { name: 'Newsroom cameras', root: '5550123', size: 3 }, publicInputs: { assetHash: 'ef'.repeat(32), trustRoot: '5550123' } });
    const job = makeJob({ name: 'pier.jpg', state: 'succeeded', result, trustListId: 'tl-1' });
    const api = createFakeApi({
      jobs: [job],
      trustLists: [{ id: 'tl-1', name: 'Newsroom cameras', root: '5550123', importedAt: 0, certificates: [] }],
    });
    await renderApp(api);
    const panel = await openDetails('pier.jpg');
    expect(within(panel).getByText('Verified ✓')).toBeTruthy();
    expect(within(panel).getByText('ef'.repeat(32))).toBeTruthy();
    expect(within(panel).getAllByText('5550123').length).toBeGreaterThan(0);
    expect(within(panel).getByText('Newsroom cameras — 3 issuers')).toBeTruthy();
    expect(within(panel).getByText('2 min 5 s')).toBeTruthy();
    expect(within(panel).getByText('What it does not prove')).toBeTruthy();
    expect(within(panel).getByText(/^Dates:/)).toBeTruthy();
    expect(within(panel).getByText(/^Revocation:/)).toBeTruthy();
    expect(within(panel).getByText(/^Other kinds of signature: only the most common kind/)).toBeTruthy();
    // The technical names wait under Technical details.
    expect(within(panel).getByText(SIGNATURES_PROVED).closest('details')).toBeTruthy();
    expect(within(panel).getByText(/embedded in JPEG and PNG/)).toBeTruthy();
  });

  it('names "This photo\'s issuer only" when no trust list was chosen', async () => {
    await renderApp(createFakeApi({ jobs: [makeJob({ name: 'solo.jpg' })] }));
    const panel = await openDetails('solo.jpg');
    expect(within(panel).getByText("This photo's issuer only")).toBeTruthy();
  });

  const codes: ErrorCode[] = ['hash_mismatch', 'no_content_credentials', 'untrusted_signer', 'issuer_certificate_missing', 'unsupported_algorithm', 'out_of_memory', 'timeout'];
  for (const code of codes) {
    it(`a job failed with ${code} shows its sentence and hint, detail behind Details`, async () => {
      const info = errorInfo(code);
      const job = makeJob({
        name: 'bad.jpg',
        state: 'failed',
        error: { code, message: info.message, hint: info.hint, retryable: info.retryable, detail: `technical ${code} detail` },
      });
      await renderApp(createFakeApi({ jobs: [job] }));
      const panel = await openDetails('bad.jpg');
      const alert = within(panel).getByRole('alert');
      expect(within(alert).getByText(info.message)).toBeTruthy();
      expect(within(alert).getByText(info.hint)).toBeTruthy();
      const details = within(alert).getByText('Details').closest('details')!;
      expect(details.open).toBe(false);
      expect(within(details).getByText(`technical ${code} detail`)).toBeTruthy();
      expect(within(details).getByText(code)).toBeTruthy();
    });
  }

  it('the row of a failed job shows the sentence too', async () => {
    const info = errorInfo('manifest_invalid');
    await renderApp(createFakeApi({ jobs: [makeJob({ name: 'odd.png', state: 'failed', error: { code: 'manifest_invalid', message: info.message, hint: info.hint, retryable: false } })] }));
    expect(screen.getByText(info.message, { selector: '.job-row__error' })).toBeTruthy();
  });

  it('Close returns to the list', async () => {
    await renderApp(createFakeApi({ jobs: [makeJob({ name: 'c.jpg' })] }));
    await openDetails('c.jpg');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('complementary')).toBeNull();
  });
});
