// The closed set of error codes a user can meet, shared by the prover, the CLI, the job engine and the UI.
// Every code has one plain sentence, a next step, whether an automatic retry can help, and a CLI exit code.

export const EXIT = { ok: 0, invalidInput: 2, verificationFailed: 3, internal: 4, cancelled: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

interface ErrorInfo {
  message: string;
  hint: string;
  retryable: boolean;
  exit: ExitCode;
}

const table = {
  unsupported_format: {
    message: 'This file is not a JPEG or PNG photo.',
    hint: 'Choose the original JPEG or PNG file that your camera or app saved.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  file_too_large: {
    message: 'This file is larger than Shutterproof accepts.',
    hint: 'Use the original photo rather than a large export, or split very large files.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  unreadable_file: {
    message: 'Shutterproof could not read this file.',
    hint: 'Check that the file still exists, is not open in another program, and that you may read it.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  sample_missing: {
    message: 'The sample photo that comes with Shutterproof is missing from this copy of the app.',
    hint: 'Install Shutterproof again to get the sample back, or add a photo of your own with Content Credentials.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  no_content_credentials: {
    message: 'This photo has no Content Credentials.',
    hint: 'Use the file exactly as it came from a camera or app that adds Content Credentials; editing or re-saving often removes them.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  remote_manifest: {
    message: "This photo's Content Credentials are stored online, not in the file.",
    hint: 'Shutterproof proves only Content Credentials embedded in the photo. Save or export the photo with its Content Credentials included in the file, then add that copy.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  exclusions_too_wide: {
    message: "This photo's Content Credentials leave part of the file unprotected.",
    hint: 'A proof cannot vouch for a photo whose credentials do not cover all of it. Use the photo exactly as the camera or app saved it; if it still happens, the app that signed it needs fixing.',
    retryable: false,
    exit: EXIT.verificationFailed,
  },
  manifest_invalid: {
    message: "This photo's Content Credentials are damaged or not in a form Shutterproof understands.",
    hint: 'Ask whoever made the photo for the original file; open Details to see what was wrong.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  hash_mismatch: {
    message: 'This photo was changed after its Content Credentials were signed.',
    hint: 'Use the original, unedited file. A proof cannot be made for a changed photo.',
    retryable: false,
    exit: EXIT.verificationFailed,
  },
  signature_invalid: {
    message: "The signature on this photo's Content Credentials is not valid.",
    hint: 'The credentials may have been tampered with. Use the original file from its source.',
    retryable: false,
    exit: EXIT.verificationFailed,
  },
  untrusted_signer: {
    message: 'This photo was not signed by anyone on the chosen trust list.',
    hint: "Choose a trust list that includes the photo's issuer, or use \"This photo's issuer only\".",
    retryable: false,
    exit: EXIT.invalidInput,
  },
  issuer_certificate_missing: {
    message: "This photo's credentials do not include the certificate of the authority that issued them.",
    hint: "Import a trust list that contains the issuing authority's certificate, then choose it and try again.",
    retryable: false,
    exit: EXIT.invalidInput,
  },
  trust_list_invalid: {
    message: 'The trust list could not be read.',
    hint: 'A trust list is a certificate file (.pem) from the organisation that issues the credentials. Check that you chose the right file, then import it again; Details says what was wrong.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  trust_list_removed: {
    message: 'The trust list chosen for this photo was removed.',
    hint: "Choose another trust list (or \"This photo's issuer only\") in Settings, then add the photo again.",
    retryable: false,
    exit: EXIT.invalidInput,
  },
  unsupported_algorithm: {
    message: 'This photo was signed with a method Shutterproof cannot prove yet.',
    hint: 'Shutterproof can prove only the most common kind of signature (Details names it). Other photos can still be checked with other Content Credentials tools.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  certificate_unsuitable: {
    message: "The certificate that signed this photo's Content Credentials is not one a proof can accept.",
    hint: 'A signing certificate must be for signing only (not an authority), allowed to make digital signatures and to sign Content Credentials. Open Details to see what it lacks.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  input_exceeds_circuit_limits: {
    message: "This photo's Content Credentials are larger than a proof can hold.",
    hint: 'Open Details to see which part is too large. Credentials with fewer certificates or assertions fit.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  proof_invalid: {
    message: 'This proof does not verify.',
    hint: 'The proof pack was damaged or altered. Ask its publisher for the original file.',
    retryable: false,
    exit: EXIT.verificationFailed,
  },
  verification_key_mismatch: {
    message: 'This proof was not made by the circuit it claims to use.',
    hint: 'Only proof packs made by Shutterproof for this circuit version can be checked here.',
    retryable: false,
    exit: EXIT.verificationFailed,
  },
  circuit_version_unsupported: {
    message: 'This proof was made by a version of Shutterproof whose proofs are no longer accepted.',
    hint: 'Ask its publisher to make the proof again with the current version of Shutterproof.',
    retryable: false,
    exit: EXIT.verificationFailed,
  },
  trust_list_mismatch: {
    message: 'This proof is not anchored in the trust list you chose.',
    hint: 'The photo was vouched for by an authority that is not on your list. Check with a list that holds the authority you expect, or do not rely on this proof.',
    retryable: false,
    exit: EXIT.verificationFailed,
  },
  photo_mismatch: {
    message: 'This photo is not the one the proof is about.',
    hint: 'Check that you chose the photo that was published with this proof.',
    retryable: false,
    exit: EXIT.verificationFailed,
  },
  pack_invalid: {
    message: 'This file is not a Shutterproof proof pack.',
    hint: 'Choose a .proof.json file exported by Shutterproof.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  out_of_memory: {
    message: 'Your computer ran out of memory while making the proof.',
    hint: 'Close other programs and try again. A proof needs about 6 GB of free memory.',
    retryable: true,
    exit: EXIT.internal,
  },
  timeout: {
    message: 'Making the proof took longer than allowed.',
    hint: 'Try again when the computer is less busy, or raise the time limit in Settings.',
    retryable: false,
    exit: EXIT.internal,
  },
  prover_crashed: {
    message: 'The prover stopped unexpectedly.',
    hint: 'Try again. If it keeps happening, open Details and copy the log for support.',
    retryable: true,
    exit: EXIT.internal,
  },
  cancelled: {
    message: 'Cancelled.',
    hint: 'Press Retry to start it again.',
    retryable: false,
    exit: EXIT.cancelled,
  },
  disk_full: {
    message: 'There is not enough free disk space to save the proof.',
    hint: 'Free some space on the disk that holds your proofs, or choose another output folder in Settings.',
    retryable: false,
    exit: EXIT.internal,
  },
  exported_copy_missing: {
    message: 'The exported proof pack is no longer where it was saved.',
    hint: 'It was moved or deleted. Export the proof again to save a new copy.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  output_unwritable: {
    message: 'Shutterproof could not save the proof in the chosen folder.',
    hint: 'Choose another output folder in Settings, or check that you may write to this one.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  queue_full: {
    message: 'Too many photos are waiting already.',
    hint: 'Wait for some proofs to finish, or remove waiting photos, then add the rest.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  bad_request: {
    message: 'The prover received a request it does not understand.',
    hint: 'This is a bug in Shutterproof. Open Details and copy the log for support.',
    retryable: false,
    exit: EXIT.invalidInput,
  },
  internal_error: {
    message: 'Something went wrong inside Shutterproof.',
    hint: 'Try again. If it keeps happening, open Details and copy the log for support.',
    retryable: false,
    exit: EXIT.internal,
  },
  trust_list_too_large: {
    message: 'This trust list is larger than Shutterproof accepts.',
    hint: 'A trust list names the issuing authorities you trust, usually a few dozen. Use a smaller list (at most 4,096 certificates, 4 MB).',
    retryable: false,
    exit: EXIT.invalidInput,
  },
} as const satisfies Record<string, ErrorInfo>;

export type ErrorCode = keyof typeof table;
export const ERROR_CODES = Object.keys(table) as ErrorCode[];

export function errorInfo(code: ErrorCode): ErrorInfo {
  return table[code];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(table, value);
}

/** An error a user can act on. `detail` is technical and shown only under "Details". */
export class ShutterproofError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${table[code].message} (${detail})` : table[code].message, options);
    this.name = 'ShutterproofError';
    this.code = code;
    this.detail = detail;
  }

  get retryable(): boolean {
    return table[this.code].retryable;
  }
}
