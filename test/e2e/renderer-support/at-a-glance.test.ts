// The browser walkthrough of issue 19 ("The app a non-technical user understands at a glance"): the built renderer in
// headless Chromium over the real job engine, with the prover protocol double scripted by file names (hang, precheck-…)
// instead of the real prover. Each step asserts what its numbered point requires and saves screenshots a person can
// look at after `npm test`, in test-results/walkthrough/ (out of git), named by point.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorInfo } from '../../../common/error-codes.js';
import { makeFixtures, type Fixtures } from '../../support/fixtures.js';
import { drop, expectPlainWords, NARROW, openApp, row, shot, shotBoth, startWalkthrough, stopWalkthrough, unclipped, visibleWords, WIDE, type App, type Walkthrough } from './walkthrough-support.js';

const LONG = 'pier-at-sunset-from-the-harbour-wall-IMG_2041.jpg';
let w: Walkthrough;
let f: Fixtures;
let app: App; // one app for the whole walk: its jobs carry over from step to step

beforeAll(async () => {
  w = await startWalkthrough();
  f = await makeFixtures(await mkdtemp(join(tmpdir(), 'shutterproof-walk-fixtures-')));
  // Measured proof times as if this computer had made proofs (100 s a step); the prover takes 5 s to get ready.
  app = await openApp(w, { flags: ['--warmup-ms', '5000'], stepMs: 100_000 });
});

afterAll(() => stopWalkthrough(w));

const packOf = (name: string) => app.bridge.engine.list().jobs.find((j) => j.file.name === name)?.result?.packPath;

describe('at a glance (issue 19)', () => {
  it('8. says what is happening while the prover gets ready, on the banner and the rows', async () => {
    const { page } = app;
    await page.getByText('Getting the prover ready — about a minute').waitFor();
    await drop(page, { 'harbour-hang.jpg': f.photos.rsJpeg });
    await row(page, 'harbour-hang.jpg').getByText('Waiting for the prover').waitFor();
    expect(await page.getByText('first time only').count()).toBe(0);
    await shot(page, '08-banner');
  });

  it('4. tells the time left in the row, the details, the window title and for the whole queue', async () => {
    const { page } = app;
    await page.getByText('Getting the prover ready — about a minute').waitFor({ state: 'hidden', timeout: 15_000 });
    await row(page, 'harbour-hang.jpg', 'Making the proof').waitFor();
    await drop(page, { [LONG]: f.photos.tsJpeg });
    await row(page, LONG).getByText('about 5 min once it starts').waitFor();
    await row(page, 'harbour-hang.jpg').getByText('about 5 min left').waitFor();
    const total = page.getByRole('status', { name: 'Time for the photos to go' });
    await expect.poll(() => total.textContent()).toBe('2 photos to go — about 10 min left');
    expect(await page.title()).toBe('2 photos to go — about 10 min left · Shutterproof');
    await page.getByRole('button', { name: 'Details of harbour-hang.jpg' }).click();
    await page.getByRole('complementary', { name: 'Details of harbour-hang.jpg' }).getByText('about 5 min left').waitFor();
    await shotBoth(page, '04-time-left');
  });

  it('1. gives a photo that cannot be proved its verdict at once, even behind a running proof, without Retry', async () => {
    const { page } = app;
    const t0 = Date.now();
    await drop(page, { 'beach-precheck-no_content_credentials.jpg': f.photos.plainJpeg, 'dunes-precheck-hash_mismatch.jpg': f.photos.tamperedPixelJpeg });
    await row(page, 'beach-precheck-no_content_credentials.jpg', 'Failed').getByText(errorInfo('no_content_credentials').message).waitFor();
    await row(page, 'dunes-precheck-hash_mismatch.jpg', 'Failed').getByText(errorInfo('hash_mismatch').message).waitFor();
    expect(Date.now() - t0).toBeLessThan(5000);
    await row(page, 'harbour-hang.jpg', 'Making the proof').waitFor();
    expect(await page.getByRole('button', { name: /^Retry / }).count()).toBe(0);
    await page.getByRole('button', { name: 'Details of dunes-precheck-hash_mismatch.jpg' }).click();
    await page.getByRole('complementary', { name: 'Details of dunes-precheck-hash_mismatch.jpg' }).getByText(errorInfo('hash_mismatch').hint).waitFor();
    await shot(page, '01-fail-fast');
    await page.getByRole('button', { name: 'Close details' }).click();
  });

  it('6. in a 900 px window opens details as a drawer, folds row actions into a menu, and hides no name', async () => {
    const { page } = app;
    await page.setViewportSize(NARROW);
    await page.getByRole('button', { name: `Details of ${LONG}` }).click();
    const details = page.getByRole('complementary', { name: `Details of ${LONG}` });
    expect(await details.getAttribute('class')).toContain('details--drawer');
    expect(await page.getByRole('button', { name: 'Cancel harbour-hang.jpg' }).count()).toBe(0);
    expect(await unclipped(page, '.job-row__name')).toBe(true);
    await shot(page, '06-narrow-900');
    await page.getByRole('button', { name: 'Close details' }).click();
    await page.getByRole('button', { name: 'More actions for harbour-hang.jpg' }).click();
    await page.getByRole('menu', { name: 'More actions for harbour-hang.jpg' }).getByRole('menuitem', { name: 'Cancel' }).waitFor();
    await shotBoth(page, '06-narrow-menu');
    await page.keyboard.press('Escape');
    await page.setViewportSize(WIDE);
  });

  it('7. focuses the harmless choice and asks before throwing away a running proof', async () => {
    const { page } = app;
    await row(page, 'harbour-hang.jpg').focus();
    await page.keyboard.press('Delete');
    const keep = page.getByRole('dialog', { name: 'Remove harbour-hang.jpg?' }).getByRole('button', { name: 'Keep' });
    await expect.poll(() => keep.evaluate((b) => b === document.activeElement)).toBe(true);
    await shot(page, '07-remove-dialog');
    await page.keyboard.press('Enter');
    await row(page, 'harbour-hang.jpg', 'Making the proof').waitFor();
    await page.getByRole('button', { name: 'Cancel harbour-hang.jpg' }).click();
    const stop = page.getByRole('dialog', { name: 'Stop making the proof of harbour-hang.jpg?' });
    await expect.poll(() => stop.getByRole('button', { name: 'Keep going' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await shot(page, '07-cancel-confirm');
    await stop.getByRole('button', { name: 'Stop the proof' }).click();
    await row(page, 'harbour-hang.jpg', 'Cancelled').waitFor();
    await row(page, LONG, 'Proof ready').waitFor({ timeout: 20_000 });
  });

  it('9 and 10. a finished proof in plain words, technical terms under Technical details; a failure without proof talk', async () => {
    const { page } = app;
    await page.getByRole('button', { name: `Details of ${LONG}` }).click();
    const details = page.getByRole('complementary', { name: `Details of ${LONG}` });
    await details.getByText('What this proof proves').waitFor();
    expect(await details.locator('details:has(> summary:text-is("Technical details"))').getAttribute('open')).toBeNull();
    expectPlainWords(await visibleWords(page));
    // One Export for one proof: the details' button, no group Export for a one-photo drop, Export all finished.
    expect(await page.getByRole('button', { name: /^Export/ }).count()).toBeLessThanOrEqual(2);
    await shotBoth(page, '09-words-finished');
    await page.getByRole('button', { name: 'Details of beach-precheck-no_content_credentials.jpg' }).click();
    await page.getByRole('complementary', { name: /^Details of beach/ }).getByText(errorInfo('no_content_credentials').message).first().waitFor();
    expect(await page.getByText('What this proof proves').count()).toBe(0);
    // Groups are named by what was dropped or when, and the count is said once.
    const headers = await page.locator('.group-header').allInnerTexts();
    expect(headers.some((h) => /Added at \d/.test(h))).toBe(true);
    for (const h of headers) expect(h).not.toMatch(/(\d+ photos?).*\1/s);
    expectPlainWords(await visibleWords(page));
    await shot(page, '10-failed-details');
    await page.getByRole('button', { name: 'Close details' }).click();
  });

  it('9. a file that is not a trust list gets a plain sentence of its own', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Import a trust list (certificate file)').setInputFiles(f.trust.garbage);
    await page.getByText(errorInfo('trust_list_invalid').message).first().waitFor();
    expectPlainWords(await visibleWords(page));
    await shot(page, '09-trust-list-error', { fullPage: true });
    await page.getByRole('button', { name: 'Dismiss' }).first().click();
  });
});

describe('Check a proof (issue 19, point 5)', () => {
  let forged: string;
  let notAPack: string;

  it('without a trust list of yours: holds, but says no authority you chose vouched', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Check a proof' }).click();
    await page.getByLabel('Proof pack', { exact: true }).setInputFiles(packOf(LONG)!);
    await page.getByRole('button', { name: 'Check proof' }).click();
    await page.getByRole('region', { name: 'Result' }).getByText('This proof holds, but not for an authority you chose to trust').waitFor();
    await shot(page, '05-check-no-trust-list', { fullPage: true });
  });

  it('with your trust list: valid, names the authority; and each way of failing says what is wrong', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Import a trust list (certificate file)').setInputFiles(f.trust.intermediate);
    await page.getByRole('article', { name: 'Trust list trust-intermediate' }).waitFor();
    await page.getByLabel('Default trust list').selectOption({ label: 'trust-intermediate' });
    await page.getByRole('button', { name: 'Photos', exact: true }).click();
    await drop(page, { 'lighthouse.jpg': f.photos.rsPng });
    await row(page, 'lighthouse.jpg', 'Proof ready').waitFor({ timeout: 20_000 });
    const pack = JSON.parse(await readFile(packOf('lighthouse.jpg')!, 'utf8')) as { assetHash: string };
    forged = join(app.root, 'forged', 'lighthouse.proof.json');
    notAPack = join(app.root, 'notes', 'notes.json');
    await mkdir(join(forged, '..'), { recursive: true });
    await mkdir(join(notAPack, '..'), { recursive: true });
    await writeFile(forged, JSON.stringify({ ...pack, assetHash: pack.assetHash.replace(/^./, (c) => (c === '0' ? '1' : '0')) }));
    await writeFile(notAPack, await readFile(f.photos.notImage));

    await page.getByRole('button', { name: 'Check a proof' }).click();
    const result = page.getByRole('region', { name: 'Result' });
    const check = async (packPath: string, photoName: string | null, verdict: string, name: string) => {
      await page.getByLabel('Proof pack', { exact: true }).setInputFiles(packPath);
      if (photoName) await page.getByLabel('Photo', { exact: true }).setInputFiles({ name: photoName, mimeType: 'image/jpeg', buffer: await readFile(f.photos.rsJpeg) });
      else if (await page.getByRole('button', { name: 'Remove the photo' }).count()) await page.getByRole('button', { name: 'Remove the photo' }).click();
      await page.getByRole('button', { name: 'Check proof' }).click();
      await result.getByText(verdict, { exact: true }).waitFor();
      // The test authorities' own names end in "CA"; the app's words must not.
      expectPlainWords((await visibleWords(page)).replace(/Shutterproof Test \w+ CA|Test \w+ CA/g, 'the authority'));
      await shot(page, name, { fullPage: true });
    };
    await check(packOf('lighthouse.jpg')!, 'lighthouse.jpg', 'This proof is valid ✓', '05-check-valid');
    await result.getByText(/^Vouched for by .*Test .+, an authority on your trust list “trust-intermediate”\.$/).waitFor();
    await result.getByText('The photo you chose is the one this proof is about.').waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, '05-check-valid-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await check(packOf('lighthouse.jpg')!, 'harbour.jpg', 'The proof holds, but it is about a different photo than the one you chose.', '05-check-wrong-photo');
    await check(notAPack, null, 'This file is not a proof pack.', '05-check-not-a-pack');
    await check(forged, null, 'This proof is forged or damaged.', '05-check-forged');
    await check(packOf(LONG)!, null, 'This proof was made for authorities that are not on your trust lists.', '05-check-untrusted');
    await page.getByRole('button', { name: 'Photos', exact: true }).click();
  });
});

describe('banner when the prover cannot start (issue 19, point 8)', () => {
  it('says so and offers Try again and Copy the log', async () => {
    const { page } = await openApp(w, { flags: ['--die-at-start'] });
    await page.getByText('The prover could not start.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    await page.getByRole('button', { name: 'Copy the log' }).waitFor();
    await shotBoth(page, '08-banner-failed');
    await page.close();
  });
});

describe('README for users (issue 19, point 12)', () => {
  it('puts what a user needs first: time, memory, which photos, what stays hidden, trust lists, install, Check a proof', async () => {
    const readme = await readFile(resolve('README.md'), 'utf8');
    const users = readme.slice(readme.indexOf('## For people who use it'), readme.indexOf('## For developers'));
    expect(readme.indexOf('## For people who use it')).toBeLessThan(readme.indexOf('## For developers'));
    for (const topic of [/\d+ minutes/, /\d+(-\d+)? GB/, /JPEG and PNG/, /ES256/, /What stays hidden/, /Trust lists/, /npm ci/, /Check a proof/]) expect(users).toMatch(topic);
    const page = await w.browser.newPage({ viewport: WIDE });
    await page.setContent(`<main style="font: 15px/1.5 sans-serif; max-width: 900px; margin: 24px auto; white-space: pre-wrap"></main>`);
    await page.locator('main').evaluate((el, text) => (el.textContent = text), users);
    await shot(page, '12-readme-for-users', { fullPage: true });
    await page.close();
  });
});

describe('changes under way (issue 19, points 2, 3 and 11)', () => {
  // needs the point-2 change
  it('2. names the setting for what it is, and the export notice and the row open the exported copy', async () => {
    const { page, bridge } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Trust lists' }).waitFor();
    await shot(page, '02-settings-export-to', { fullPage: true });
    await page.getByText('Export to', { exact: true }).waitFor({ timeout: 2000 });
    await page.getByText('Export suggests this folder. Proofs stay inside Shutterproof until you export them.').waitFor({ timeout: 2000 });
    expect(await page.getByText('Save proofs in').count()).toBe(0);
    await page.getByRole('button', { name: 'Photos', exact: true }).click();

    await page.getByRole('button', { name: 'More actions for lighthouse.jpg' }).click();
    const menu = page.getByRole('menu', { name: 'More actions for lighthouse.jpg' });
    expect(await menu.getByRole('menuitem', { name: 'Show in folder' }).count()).toBe(0);
    bridge.exportFolder = join(app.root, 'export-2');
    await mkdir(bridge.exportFolder, { recursive: true });
    await menu.getByRole('menuitem', { name: 'Export…' }).click();
    await page.getByRole('button', { name: 'Choose folder and export' }).click();
    const notice = page.locator('.notice', { hasText: 'Exported 1 proof pack' });
    await notice.waitFor();
    await shot(page, '02-export-notice');
    await notice.getByRole('button', { name: 'Show in folder' }).click({ timeout: 2000 });
    await expect.poll(() => bridge.revealed.at(-1)).toBe(join(bridge.exportFolder, 'lighthouse.proof.json'));
    await page.getByRole('button', { name: 'More actions for lighthouse.jpg' }).click();
    await menu.getByRole('menuitem', { name: 'Show in folder' }).click({ timeout: 2000 });
    await expect.poll(() => bridge.revealed.length).toBe(2);
    expect(bridge.revealed.at(-1)!.startsWith(bridge.exportFolder)).toBe(true);
  });

  // needs the point-3 change
  it('3. exports the photo without its Content Credentials beside the pack when asked', async () => {
    const { page, bridge } = app;
    bridge.exportFolder = join(app.root, 'export-3');
    await mkdir(bridge.exportFolder, { recursive: true });
    await page.getByRole('button', { name: 'Photos', exact: true }).click();
    await page.getByRole('button', { name: `Details of ${LONG}` }).click();
    await page.getByRole('complementary', { name: `Details of ${LONG}` }).getByRole('button', { name: 'Export…' }).click();
    const box = page.getByRole('checkbox', { name: /Include the photo without its Content Credentials/ });
    await shot(page, '03-export-dialog');
    expect(await box.isEnabled()).toBe(true);
    await box.check();
    await page.getByRole('button', { name: 'Choose folder and export' }).click();
    const stem = LONG.replace(/\.jpg$/, '');
    await expect.poll(() => existsSync(join(bridge.exportFolder, `${stem}.proof.json`))).toBe(true);
    await shot(page, '03-exported');
    expect((await readdir(bridge.exportFolder)).sort()).toEqual([`${stem}.no-credentials.jpg`, `${stem}.proof.json`]);
  });

  // needs the point-11 change
  it('11. offers a newcomer a sample photo on the empty screen', async () => {
    const { page } = await openApp(w);
    await page.getByText('Drop photos with Content Credentials here').waitFor();
    await shotBoth(page, '11-first-run');
    await page.getByRole('button', { name: 'Try with a sample photo' }).click({ timeout: 2000 });
    await page.getByRole('heading', { level: 2, name: 'Sample photo' }).waitFor();
    await shot(page, '11-sample-added');
  });
});
