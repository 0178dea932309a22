// A second opinion from c2pa-rs (the C2PA reference implementation, compiled to wasm) for `inspect`: its validation
// state and status codes, next to our own checks. It never decides whether a proof is made: the native checks in
// validate.ts are the ones the circuit mirrors; this only helps a user (and us) see disagreements.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as c2pa from '@contentauth/c2pa-wasm';

export interface C2paRsStatus {
  code: string;
  explanation?: string;
}

export interface C2paRsReport {
  /** e.g. "Trusted", "Valid", "Invalid"; undefined when c2pa-rs could not read the file. */
  validationState?: string;
  activeManifest?: string;
  /** Whether trust anchors were given (otherwise "signingCredential.untrusted" is expected and dropped). */
  trustChecked: boolean;
  failures: C2paRsStatus[];
  successes: string[];
  /** c2pa-rs could not read the file at all. */
  error?: string;
}

let initialised = false;

function init(): void {
  if (initialised) return;
  const require = createRequire(import.meta.url);
  c2pa.initSync({ module: readFileSync(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm')) });
  initialised = true;
}

/** `trustAnchorsDer`: the CA certificates to trust, or undefined to check everything except trust. */
export async function c2paRsReport(
  bytes: Uint8Array,
  format: 'jpeg' | 'png',
  trustAnchorsDer?: readonly Uint8Array[],
): Promise<C2paRsReport> {
  const trustChecked = trustAnchorsDer !== undefined && trustAnchorsDer.length > 0;
  let reader: c2pa.WasmReader | undefined;
  try {
    init();
    const context = trustChecked
      ? JSON.stringify({ trust: { trust_anchors: trustAnchorsDer.map(toPem).join('') }, verify: { verify_trust: true } })
      : JSON.stringify({ verify: { verify_trust: false } });
    reader = await c2pa.WasmReader.fromBytes(format === 'jpeg' ? 'image/jpeg' : 'image/png', bytes, context);
    const store = JSON.parse(reader.json()) as {
      active_manifest?: string;
      validation_state?: string;
      validation_results?: { activeManifest?: { success?: C2paRsStatus[]; failure?: C2paRsStatus[] } };
    };
    const active = store.validation_results?.activeManifest;
    return {
      validationState: store.validation_state,
      activeManifest: store.active_manifest,
      trustChecked,
      failures: (active?.failure ?? [])
        .filter((s) => trustChecked || s.code !== 'signingCredential.untrusted')
        .map((s) => ({ code: s.code, explanation: s.explanation })),
      successes: [...new Set((active?.success ?? []).map((s) => s.code))],
    };
  } catch (error) {
    return { trustChecked, failures: [], successes: [], error: describe(error) };
  } finally {
    reader?.free();
  }
}

function toPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
