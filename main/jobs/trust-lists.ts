// Imported trust lists under <root>/trust-lists: the PEM bundle as the user gave it (what the prover reads) and a
// small JSON view (name, Merkle root, certificates) for Settings. Certificate details come from @peculiar/x509; the
// root from the prover's own parser, so it is the root the circuit proves against.
import { randomUUID, createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ShutterproofError } from '../../common/error-codes.js';
import type { TrustListCertificate, TrustListView } from '../../common/ipc-contract.js';
import { readRegularFile } from '../path-guard.js';
import { writeFileAtomic } from './atomic-file.js';
import type { TrustListParser } from './trust-list-parser.js';

const MAX_TRUST_LIST_BYTES = 4 * 2 ** 20;

export class TrustListStore {
  private readonly dir: string;
  private views = new Map<string, TrustListView>();

  constructor(
    root: string,
    private readonly parse: TrustListParser,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = randomUUID,
  ) {
    this.dir = join(root, 'trust-lists');
    mkdirSync(this.dir, { recursive: true });
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const view = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as TrustListView;
        if (existsSync(this.pemPath(view.id))) this.views.set(view.id, view);
      } catch {
        // A damaged entry is left out; the user can import the list again.
      }
    }
  }

  list(): TrustListView[] {
    return [...this.views.values()].sort((a, b) => a.importedAt - b.importedAt);
  }

  get(id: string): TrustListView | undefined {
    return this.views.get(id);
  }

  pemPath(id: string): string {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error(`unsafe trust list id ${JSON.stringify(id)}`);
    return join(this.dir, `${id}.pem`);
  }

  async import(path: string, name?: string): Promise<TrustListView> {
    // One open handle, regular files only, the size checked before reading: a FIFO or a device never blocks main.
    const text = (await readRegularFile(path, MAX_TRUST_LIST_BYTES, 'trust_list_too_large')).toString('latin1');
    const listName = name?.trim() || basename(path).replace(/\.(pem|crt|cer)$/i, '');
    const certificates = await describeCertificates(text);
    const { root } = await this.parse(text, listName);
    const view: TrustListView = { id: this.newId(), name: listName, root, importedAt: this.now(), certificates };
    writeFileAtomic(this.pemPath(view.id), text);
    writeFileAtomic(join(this.dir, `${view.id}.json`), JSON.stringify(view));
    this.views.set(view.id, view);
    return view;
  }

  remove(id: string): boolean {
    if (!this.views.delete(id)) return false;
    rmSync(join(this.dir, `${id}.json`), { force: true });
    rmSync(this.pemPath(id), { force: true });
    return true;
  }
}

export async function describeCertificates(pemText: string): Promise<TrustListCertificate[]> {
  // @peculiar/x509 resolves its parsers through tsyringe, which needs the Reflect polyfill in place before it
  // loads; a static import would be hoisted above the polyfill in the bundled main process.
  await import('reflect-metadata');
  const { PemConverter, X509Certificate } = await import('@peculiar/x509');
  let ders: ArrayBuffer[];
  try {
    ders = PemConverter.decode(pemText);
  } catch (error) {
    throw new ShutterproofError('trust_list_invalid', 'the file is not PEM text', { cause: error });
  }
  if (ders.length === 0) throw new ShutterproofError('trust_list_invalid', 'the file holds no certificates');
  return ders.map((der, index) => {
    try {
      const cert = new X509Certificate(der);
      return {
        subject: cert.subject,
        issuer: cert.issuer,
        sha256: createHash('sha256').update(new Uint8Array(der)).digest('hex'),
        notAfter: cert.notAfter.toISOString(),
      };
    } catch (error) {
      throw new ShutterproofError('trust_list_invalid', `certificate ${index + 1} cannot be read`, { cause: error });
    }
  });
}
