// Settings: every change goes to main with settings.set and the screen shows main's answer; trust lists are
// imported from a PEM file, viewed and removed (with a confirmation).
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import type { TrustListView } from '../../common/ipc-contract.js';
import { apiError, createFakeApi, defaultSettings } from './support/fake-api.js';
import { renderApp, useRendererTest } from './support/render-app.js';

useRendererTest();

const newsroom: TrustListView = {
  id: 'tl-9',
  name: 'Newsroom cameras',
  root: '31337',
  importedAt: Date.UTC(2026, 9, 1),
  certificates: [
    { subject: 'CN=Camera Maker Issuing CA 1', issuer: 'CN=Camera Maker Root', sha256: '0f'.repeat(32), notAfter: '2031-05-01T00:00:00.000Z' },
    { subject: 'CN=Old CA', issuer: 'CN=Camera Maker Root', sha256: 'a1'.repeat(32), notAfter: '2020-01-01T00:00:00.000Z' },
  ],
};

async function openSettings() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  return user;
}

describe('settings screen', () => {
  it('saves each setting through settings.set', async () => {
    const api = createFakeApi({ trustLists: [newsroom] });
    await renderApp(api);
    const user = await openSettings();

    const concurrency = screen.getByRole('spinbutton', { name: /proofs at the same time/i });
    await user.clear(concurrency);
    await user.type(concurrency, '2{Enter}');
    expect(api.settings.set).toHaveBeenLastCalledWith({ concurrency: 2 });

    const limit = screen.getByRole('spinbutton', { name: /time limit per proof/i });
    await user.clear(limit);
    await user.type(limit, '90');
    fireEvent.blur(limit);
    expect(api.settings.set).toHaveBeenLastCalledWith({ jobTimeoutMinutes: 90 });

    const retention = screen.getByRole('spinbutton', { name: /keep finished jobs for/i });
    await user.clear(retention);
    await user.type(retention, '7{Enter}');
    expect(api.settings.set).toHaveBeenLastCalledWith({ historyRetentionDays: 7 });

    await user.click(screen.getByRole('checkbox', { name: /include the photo without its content credentials/i }));
    expect(api.settings.set).toHaveBeenLastCalledWith({ includeStrippedPhoto: true });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Appearance' }), 'dark');
    expect(api.settings.set).toHaveBeenLastCalledWith({ theme: 'dark' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));

    const defaultList = screen.getByRole('combobox', { name: 'Default trust list' }) as HTMLSelectElement;
    expect(defaultList.selectedOptions[0].textContent).toBe("This photo's issuer only");
    await user.selectOptions(defaultList, 'tl-9');
    expect(api.settings.set).toHaveBeenLastCalledWith({ defaultTrustListId: 'tl-9' });
    await user.selectOptions(defaultList, '');
    expect(api.settings.set).toHaveBeenLastCalledWith({ defaultTrustListId: null });

    // Named for what it is: where Export opens, not a folder proofs are saved in by themselves.
    expect(screen.getByText('Export to')).toBeTruthy();
    expect(screen.getByText('Export suggests this folder. Proofs stay inside Shutterproof until you export them.')).toBeTruthy();
    expect(screen.queryByText('Save proofs in')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Change the export folder' }));
    expect(api.settings.pickOutputFolder).toHaveBeenCalled();
    expect(await screen.findByText('/media/usb/proofs')).toBeTruthy();
    act(() => document.documentElement.removeAttribute('data-theme'));
  });

  it('does not send a number outside its bounds and says what is allowed', async () => {
    const api = createFakeApi();
    await renderApp(api);
    const user = await openSettings();
    const concurrency = screen.getByRole('spinbutton', { name: /proofs at the same time/i });
    await user.clear(concurrency);
    await user.type(concurrency, '99');
    expect(screen.getByText('Enter a whole number from 1 to 8.')).toBeTruthy();
    fireEvent.blur(concurrency);
    expect(api.settings.set).not.toHaveBeenCalled();
    expect((concurrency as HTMLInputElement).value).toBe('1');
  });

  it('follows settings changed elsewhere', async () => {
    const api = createFakeApi();
    await renderApp(api);
    await openSettings();
    act(() => api.emit('settings:changed', { ...defaultSettings(), concurrency: 3 }));
    expect((screen.getByRole('spinbutton', { name: /proofs at the same time/i }) as HTMLInputElement).value).toBe('3');
  });

  it('imports a PEM trust list with a name and shows its certificates', async () => {
    const api = createFakeApi();
    await renderApp(api);
    const user = await openSettings();
    expect(screen.getByText('No trust lists imported.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /name/i }), 'Agency');
    const pem = new File(['-----BEGIN CERTIFICATE-----'], 'agency.pem', { type: 'application/x-pem-file' });
    await user.upload(screen.getByLabelText('Import a trust list (certificate file)'), pem);
    expect(api.trustLists.import).toHaveBeenCalledWith(pem, 'Agency');
    const card = await screen.findByRole('article', { name: 'Trust list Agency' });
    expect(within(card).getByText('CN=Imported CA')).toBeTruthy();
    expect(screen.getByText(/Imported the trust list “Agency” with 1 certificate/)).toBeTruthy();
  });

  it('shows the sentence and hint when a trust list cannot be read', async () => {
    const api = createFakeApi();
    vi.mocked(api.trustLists.import).mockRejectedValue(apiError('trust_list_invalid', 'no certificates found'));
    await renderApp(api);
    const user = await openSettings();
    await user.upload(screen.getByLabelText('Import a trust list (certificate file)'), new File(['junk'], 'junk.pem'));
    expect(await screen.findByText(`Could not import the trust list: ${errorInfo('trust_list_invalid').message}`)).toBeTruthy();
    expect(screen.getByText(errorInfo('trust_list_invalid').hint)).toBeTruthy();
  });

  it('views certificates (subject, issuer, fingerprint, expiry) and removes a list after confirming', async () => {
    const api = createFakeApi({ trustLists: [newsroom] });
    await renderApp(api);
    const user = await openSettings();
    const card = screen.getByRole('article', { name: 'Trust list Newsroom cameras' });
    await user.click(within(card).getByText('View certificates'));
    const rows = within(card).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('CN=Camera Maker Issuing CA 1')).toBeTruthy();
    expect(within(rows[1]).getByText('CN=Camera Maker Root')).toBeTruthy();
    expect(within(rows[1]).getByText('0f'.repeat(32))).toBeTruthy();
    expect(within(rows[2]).getByText(/\(expired\)/)).toBeTruthy();

    await user.click(within(card).getByRole('button', { name: 'Remove trust list Newsroom cameras' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(api.trustLists.remove).toHaveBeenCalledWith('tl-9');
    act(() => api.emit('trust-lists:changed', []));
    expect(screen.queryByRole('article', { name: 'Trust list Newsroom cameras' })).toBeNull();
  });
});
