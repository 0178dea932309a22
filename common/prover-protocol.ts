// Newline-delimited JSON spoken between the job engine (or the CLI) and the prover process.
// Requests go to the prover's stdin, events come back on its stdout; stderr is free-form diagnostics.
// Exactly one `result` or `error` event ends each request.
import { z } from 'zod';
import { ERROR_CODES } from './error-codes.js';

const id = z.string().min(1).max(200);
const absPath = z.string().min(1).max(4096);

export const proveRequest = z.object({
  id,
  op: z.literal('prove'),
  input: absPath,
  /** A PEM bundle of CA certificates; omitted means "this photo's issuer only". */
  trustList: absPath.optional(),
  out: absPath,
  /** Also write the photo with its manifest removed next to the proof pack. */
  strip: z.boolean().optional(),
});
export const inspectRequest = z.object({ id, op: z.literal('inspect'), input: absPath, trustList: absPath.optional() });
/** Every check `prove` makes before proving (milliseconds), without proving: answers `result` or the same `error`. */
export const checkRequest = z.object({ id, op: z.literal('check'), input: absPath, trustList: absPath.optional() });
export const verifyRequest = z.object({
  id,
  op: z.literal('verify'),
  pack: absPath,
  photo: absPath.optional(),
  /** The verifier's own trust lists (PEM files); the proof must be anchored in one of them. */
  trustLists: z.array(z.object({ name: z.string().min(1).max(200), path: absPath })).max(100).optional(),
});
export const warmupRequest = z.object({ id, op: z.literal('warmup') });
export const shutdownRequest = z.object({ id, op: z.literal('shutdown') });
/** Parses a PEM trust list and computes its Merkle root exactly as the circuit does (o1js stays in the prover). */
export const trustListRequest = z.object({
  id,
  op: z.literal('trust-list'),
  name: z.string().min(1).max(200),
  pem: z.string().min(1).max(4 * 2 ** 20),
});

export const proverRequest = z.discriminatedUnion('op', [
  proveRequest,
  inspectRequest,
  checkRequest,
  verifyRequest,
  warmupRequest,
  shutdownRequest,
  trustListRequest,
]);
export type ProverRequest = z.infer<typeof proverRequest>;
export type ProveRequest = z.infer<typeof proveRequest>;

const hex32 = z.string().regex(/^[0-9a-f]{64}$/);

export const publicInputs = z.object({
  /** SHA-256 of the photo without its manifest, hex. */
  assetHash: hex32,
  /** Poseidon Merkle root of the trust list, decimal field element. */
  trustRoot: z.string().regex(/^[0-9]+$/),
});
export type PublicInputs = z.infer<typeof publicInputs>;

export const stepTiming = z.object({ name: z.string(), ms: z.number().nonnegative() });

export const proveSummary = z.object({
  packPath: absPath,
  strippedPath: absPath.optional(),
  publicInputs,
  verified: z.literal(true),
  circuit: z.object({ id: z.string(), version: z.number().int(), vkHash: z.string() }),
  trustList: z.object({ name: z.string(), root: z.string(), size: z.number().int().positive() }),
  timings: z.object({ totalMs: z.number().nonnegative(), steps: z.array(stepTiming) }),
  /** True when an identical pack already existed and was returned without proving. */
  cached: z.boolean().optional(),
});
export type ProveSummary = z.infer<typeof proveSummary>;

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ id: z.string(), type: z.literal(type), ...shape });

/** The stage in which a prove request's `progress` counts proof steps done of total (the minutes of real work). */
export const PROVING_STAGE = 'prove';

export const stageEvent = event('stage', {
  name: z.string(),
  label: z.string(),
  index: z.number().int().nonnegative(),
  total: z.number().int().positive(),
});
export const progressEvent = event('progress', {
  done: z.number().nonnegative(),
  total: z.number().positive(),
  etaMs: z.number().nonnegative().optional(),
});
export const logEvent = event('log', { level: z.enum(['debug', 'info', 'warn', 'error']), msg: z.string() });
export const resultEvent = event('result', {
  packPath: absPath.optional(),
  summary: z.record(z.string(), z.unknown()),
});
export const errorEvent = event('error', {
  code: z.enum(ERROR_CODES as [string, ...string[]]),
  message: z.string(),
  retryable: z.boolean(),
  detail: z.string().optional(),
});
/** Sent once when the process is ready to read requests; `id` is "*". */
export const helloEvent = event('hello', {
  version: z.string(),
  circuit: z.object({ id: z.string(), version: z.number().int() }),
  pid: z.number().int(),
});

export const proverEvent = z.discriminatedUnion('type', [
  stageEvent,
  progressEvent,
  logEvent,
  resultEvent,
  errorEvent,
  helloEvent,
]);
export type ProverEvent = z.infer<typeof proverEvent>;
export type ProverEventOf<T extends ProverEvent['type']> = Extract<ProverEvent, { type: T }>;

export const PROCESS_EVENT_ID = '*';
