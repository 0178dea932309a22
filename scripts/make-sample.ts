// Makes resources/sample: the sample photo with Content Credentials from the demo authority, and that authority's
// certificate as a trust list. Run with `npx tsx scripts/make-sample.ts` and commit what it writes; every run makes a
// new authority (its keys are never kept), so the photo and the PEM must be committed together.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_AUTHORITY_FILE, SAMPLE_PHOTO_FILE } from '../main/sample-photo.js';
import { signPhoto } from '../test/support/sign.js';
import { makeDemoPki } from './demo-pki.js';
import { sampleJpeg } from './sample-image.js';

const dir = fileURLToPath(new URL('../resources/sample', import.meta.url));

async function main(): Promise<void> {
  const { authority, signer } = await makeDemoPki();
  // The authority travels in the x5chain after the signer, so "this photo's issuer only" works without a list.
  const photo = await signPhoto(sampleJpeg(), {
    writer: 'c2pa-rs',
    format: 'jpeg',
    signer,
    chain: [authority],
    title: SAMPLE_PHOTO_FILE,
    generator: 'Shutterproof sample maker (demo authority)',
  });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, SAMPLE_PHOTO_FILE), photo);
  await writeFile(join(dir, DEMO_AUTHORITY_FILE), authority.pem);
  process.stdout.write(
    `Wrote ${join(dir, SAMPLE_PHOTO_FILE)} (${photo.length.toLocaleString('en-US')} bytes) and ${join(dir, DEMO_AUTHORITY_FILE)}\n` +
      `  authority ${authority.cert.subject}, valid until ${authority.cert.notAfter.toISOString()}\n` +
      `  signer    ${signer.cert.subject}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`Could not make the sample: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
