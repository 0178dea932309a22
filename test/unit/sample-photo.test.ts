// The sample photo that ships in resources/sample: a valid C2PA photo signed by the demo authority (whose name says
// it is one), with that authority as its trust list, which the prover's quick check accepts with and without it.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readEvidence } from '../../prover/c2pa/read-evidence.js';
import { runServer } from '../../prover/entry/server.js';
import { issuerOnlyTrustList, parseTrustList } from '../../prover/trust/trust-list.js';
import { DEMO_AUTHORITY_FILE, SAMPLE_PHOTO_FILE } from '../../main/sample-photo.js';

const sampleDir = fileURLToPath(new URL('../../resources/sample/', import.meta.url));
const photoPath = join(sampleDir, SAMPLE_PHOTO_FILE);
const pemPath = join(sampleDir, DEMO_AUTHORITY_FILE);
const YEAR = 365 * 24 * 3600_000;

async function check(input: string, trustList?: string): Promise<Record<string, unknown>> {
  const stdin = new PassThrough();
  const events: Record<string, unknown>[] = [];
  const done = runServer(['--cache', mkdtempSync(join(tmpdir(), 'sp-sample-'))], stdin, (e) => events.push(e));
  stdin.end(JSON.stringify({ id: 's1', op: 'check', input, ...(trustList ? { trustList } : {}) }) + '\n');
  await done;
  return events.find((e) => e.id === 's1' && (e.type === 'result' || e.type === 'error'))!;
}

describe('the shipped sample photo', () => {
  const bytes = new Uint8Array(readFileSync(photoPath));
  const evidence = readEvidence(bytes);
  const [leafDer, caDer] = evidence.certChain;

  it('is a small JPEG whose credentials carry the demo authority after its signer', () => {
    expect(bytes[0]).toBe(0xff);
    expect(bytes[1]).toBe(0xd8);
    expect(bytes.length).toBeLessThan(300_000);
    expect(evidence.certChain).toHaveLength(2);
    const shipped = parseTrustList(readFileSync(pemPath, 'utf8'), 'demo-authority');
    expect(shipped.cas).toHaveLength(1);
    expect(Buffer.from(shipped.cas[0]!.der).equals(Buffer.from(caDer!))).toBe(true);
    expect(issuerOnlyTrustList(evidence).cas[0]!.subject).toBe(shipped.cas[0]!.subject);
  });

  it('names a demo authority, not a real issuer, and both certificates last decades', () => {
    const ca = new x509.X509Certificate(caDer! as Uint8Array<ArrayBuffer>);
    const leaf = new x509.X509Certificate(leafDer! as Uint8Array<ArrayBuffer>);
    expect(ca.subject).toMatch(/CN=Shutterproof Demo Authority \(sample photos only — not a real issuer\)/);
    expect(ca.subject).toMatch(/O=Shutterproof demo/);
    expect(leaf.issuer).toBe(ca.subject);
    expect(leaf.subject).toMatch(/Demo Signer/);
    for (const cert of [ca, leaf]) {
      expect(cert.notAfter.getTime() - cert.notBefore.getTime()).toBeGreaterThan(29 * YEAR);
      expect(cert.notAfter.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it('has a signing certificate the circuit accepts: not a CA, digitalSignature, a C2PA purpose', () => {
    const leaf = new x509.X509Certificate(leafDer! as Uint8Array<ArrayBuffer>);
    expect(leaf.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
    expect(leaf.getExtension(x509.KeyUsagesExtension)!.usages & x509.KeyUsageFlags.digitalSignature).toBeTruthy();
    expect(leaf.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toContain('1.3.6.1.5.5.7.3.36');
  });

  it('passes the prover quick check with "this photo\'s issuer only" and with the shipped trust list', async () => {
    expect(await check(photoPath)).toMatchObject({ type: 'result', summary: { ok: true, issuers: 1 } });
    expect(await check(photoPath, pemPath)).toMatchObject({ type: 'result', summary: { ok: true, issuers: 1 } });
  }, 60_000);

  it('is shipped beside the packaged app', () => {
    const builder = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
    expect(builder).toMatch(/- from: resources\/sample\n\s+to: sample\n/);
  });
});
