// What the C2PA front half hands to the circuit's witness builder: the exact byte strings that were signed and
// hashed, untouched. The front half has already validated them natively; the circuit proves the same facts again.

export interface Exclusion {
  start: number;
  length: number;
}

export interface ManifestEvidence {
  format: 'jpeg' | 'png';
  /** Label of the active manifest, e.g. `urn:uuid:...` or `urn:c2pa:...`. */
  manifestLabel: string;
  /** COSE Sig_structure exactly as signed: CBOR `["Signature1", protected, h'', claim]`. */
  sigStructure: Uint8Array;
  /** The protected header bytes (a serialised CBOR map) as they appear inside `sigStructure`. */
  protectedHeader: Uint8Array;
  /** The claim CBOR bytes (the detached COSE payload) as they appear inside `sigStructure`. */
  claim: Uint8Array;
  /** COSE ES256 signature, raw r||s, 64 bytes. */
  coseSignature: Uint8Array;
  /** COSE algorithm id from the protected header (-7 for ES256). */
  coseAlg: number;
  /** x5chain certificates (DER), leaf first, as carried in the manifest. */
  certChain: Uint8Array[];
  /** Where x5chain was found. */
  x5chainIn: 'protected' | 'unprotected';
  /** The exact bytes whose SHA-256 the claim references for the `c2pa.hash.data` assertion. */
  hashDataAssertion: Uint8Array;
  /** The URL by which the claim references that assertion. */
  hashDataUrl: string;
  /** The hash the claim records for that assertion (SHA-256 of `hashDataAssertion`). */
  hashDataRef: Uint8Array;
  /** The hard-binding hash recorded in the assertion: SHA-256 of the file with exclusions removed. */
  assetHash: Uint8Array;
  exclusions: Exclusion[];
}
