// The one IPC contract between main and the renderer. Preload, main's handlers and the renderer derive their types
// from these maps; main validates every argument at run time with the schemas below before it reaches the engine.
import { z } from 'zod';
import type { ErrorCode } from './error-codes.js';
import type { ProveSummary, PublicInputs } from './prover-protocol.js';

// ---- domain types (the same words as the UI: job, group, proof pack, trust list) ----

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

export interface JobFile {
  path: string;
  name: string;
  size: number;
  /** SHA-256 of the file's bytes, hex; filled in when the job is added. */
  sha256: string;
}

export interface JobError {
  code: ErrorCode;
  message: string;
  hint: string;
  retryable: boolean;
  detail?: string;
}

export type JobResult = Omit<ProveSummary, 'packPath'> & { packPath: string };

export interface Job {
  id: string;
  groupId: string;
  file: JobFile;
  /** null means "this photo's issuer only". */
  trustListId: string | null;
  state: JobState;
  /** Higher runs first; "move to top" sets it above every queued job. */
  priority: number;
  stage?: { name: string; label: string; index: number; total: number };
  progress?: { done: number; total: number; etaMs?: number };
  attempts: number;
  /** The quick check made when the photo is added ('pending' until its verdict; a failed check fails the job). */
  check?: 'pending' | 'passed';
  /** How long the proof takes on this computer, from the proofs it made before (main/jobs/proof-clock.ts). */
  estimate?: JobEstimate;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  error?: JobError;
  result?: JobResult;
  /** Where this job's pack was last exported to: "Show in folder" opens that copy. */
  exportedTo?: string;
}

export interface JobEstimate {
  /** A whole proof here: measured from earlier proofs, or a typical figure until one was made. */
  typicalMs: number;
  /** False until this computer has finished a proof. */
  measured: boolean;
  /** While running: when the proof should be done (epoch ms), refreshed at every step; counted down in between. */
  finishAt?: number;
}

export interface JobGroup {
  id: string;
  /** e.g. "3 photos from Holidays" */
  label: string;
  createdAt: number;
  /** Set while the group's photos are still being written; found at start, it means a crash cut the drop short. */
  adding?: { total: number; folderName?: string };
}

export interface JobsSnapshot {
  jobs: Job[];
  groups: JobGroup[];
}

export interface JobsDelta {
  upserts: Job[];
  removed: string[];
  groups: JobGroup[];
  removedGroups: string[];
}

export interface LogLine {
  seq: number;
  ts: number;
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
}

export interface Settings {
  concurrency: number;
  outputFolder: string;
  historyRetentionDays: number;
  jobTimeoutMinutes: number;
  /** null means "this photo's issuer only". */
  defaultTrustListId: string | null;
  includeStrippedPhoto: boolean;
  theme: 'system' | 'light' | 'dark';
}

export interface TrustListCertificate {
  subject: string;
  issuer: string;
  sha256: string;
  notAfter: string;
}

export interface TrustListView {
  id: string;
  name: string;
  root: string;
  importedAt: number;
  certificates: TrustListCertificate[];
}

export type ProverStatus =
  | { state: 'starting' }
  /** `firstTime`: the keys are being made (minutes, once per computer), not loaded (about a minute). */
  | { state: 'warming'; done: number; total: number; label: string; firstTime?: boolean }
  | { state: 'ready' }
  | { state: 'busy' }
  | { state: 'restarting'; reason: string }
  | { state: 'failed'; error: JobError };

export type ExportScope = { kind: 'job'; jobId: string } | { kind: 'group'; groupId: string } | { kind: 'all' };

export interface ExportOutcome {
  folder: string;
  packs: number;
  photos: number;
  /** A job whose exported copy "Show in folder" opens (null when nothing was exported). */
  revealJobId: string | null;
}

export interface VerifyOutcome {
  valid: boolean;
  error?: JobError;
  publicInputs?: PublicInputs;
  /** Set when a photo was given: whether its hash equals the proof's assetHash. */
  photoMatches?: boolean;
  /** The app's own trust list (and, when the proof names one, the authority) the proof is anchored in. */
  anchor?: { list: string; issuers: number; issuer?: string };
  /** Set when the app has no trust list of its own to check against: the list is then only the pack's word. */
  warning?: string;
  /** What the pack says about itself; nothing proves it. */
  notes?: { trustListName: string; issuers: number; createdAt: string };
}

export interface AddOutcome {
  groupId: string | null;
  added: number;
  skipped: { name: string; code: ErrorCode; message: string }[];
}

// ---- argument schemas (validated in main) ----

const jobId = z.string().min(1).max(64);
const filePath = z.string().min(1).max(4096);

/** Every setting as main stores it, each field optional (a stored file is re-validated field by field). */
export const storedSettings = z
  .object({
    concurrency: z.number().int().min(1).max(8),
    outputFolder: filePath,
    historyRetentionDays: z.number().int().min(1).max(3650),
    jobTimeoutMinutes: z.number().int().min(1).max(24 * 60),
    defaultTrustListId: z.string().max(64).nullable(),
    includeStrippedPhoto: z.boolean(),
    theme: z.enum(['system', 'light', 'dark']),
  })
  .partial()
  .strict();

export const schemas = {
  'jobs:list': z.tuple([]),
  'jobs:add': z.tuple([z.object({ paths: z.array(filePath).min(1).max(10_000), trustListId: z.string().max(64).nullable().optional() })]),
  'jobs:add-sample': z.tuple([]),
  'jobs:cancel': z.tuple([jobId]),
  'jobs:retry': z.tuple([jobId]),
  'jobs:remove': z.tuple([jobId]),
  'jobs:move-to-top': z.tuple([jobId]),
  'jobs:logs': z.tuple([jobId, z.number().int().min(0)]),
  'jobs:export': z.tuple([
    z.object({
      scope: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('job'), jobId }),
        z.object({ kind: z.literal('group'), groupId: jobId }),
        z.object({ kind: z.literal('all') }),
      ]),
      includeStrippedPhoto: z.boolean(),
    }),
  ]),
  'jobs:reveal': z.tuple([jobId]),
  'verify:run': z.tuple([z.object({ packPath: filePath, photoPath: filePath.optional() })]),
  'settings:get': z.tuple([]),
  // The output folder is not among them: it is set only from main's own folder dialog (settings:pick-output-folder).
  'settings:set': z.tuple([storedSettings.omit({ outputFolder: true })]),
  'settings:pick-output-folder': z.tuple([]),
  'trust-lists:list': z.tuple([]),
  'trust-lists:import': z.tuple([z.object({ path: filePath, name: z.string().min(1).max(120).optional() })]),
  'trust-lists:remove': z.tuple([z.string().min(1).max(64)]),
  'dialog:pick-photos': z.tuple([]),
  'prover:status': z.tuple([]),
  'prover:restart': z.tuple([]),
} as const;

// ---- the two maps ----

export interface InvokeMap {
  'jobs:list': () => JobsSnapshot;
  'jobs:add': (req: { paths: string[]; trustListId?: string | null }) => AddOutcome;
  /** Adds the sample photo that ships with the app (main knows its path), proved with "this photo's issuer only". */
  'jobs:add-sample': () => AddOutcome;
  'jobs:cancel': (jobId: string) => void;
  'jobs:retry': (jobId: string) => void;
  'jobs:remove': (jobId: string) => void;
  'jobs:move-to-top': (jobId: string) => void;
  /** Log lines of a job with seq > after (a reloaded renderer resyncs with this). */
  'jobs:logs': (jobId: string, after: number) => { lines: LogLine[]; lastSeq: number };
  /** Asks for a folder with a native dialog, then copies proof packs there; null when the user cancelled. */
  'jobs:export': (req: { scope: ExportScope; includeStrippedPhoto: boolean }) => ExportOutcome | null;
  /** Shows the job's exported pack in the file manager (the original photo when it has none). */
  'jobs:reveal': (jobId: string) => void;
  'verify:run': (req: { packPath: string; photoPath?: string }) => VerifyOutcome;
  'settings:get': () => Settings;
  'settings:set': (patch: Partial<Omit<Settings, 'outputFolder'>>) => Settings;
  'settings:pick-output-folder': () => Settings;
  'trust-lists:list': () => TrustListView[];
  'trust-lists:import': (req: { path: string; name?: string }) => TrustListView;
  'trust-lists:remove': (id: string) => void;
  /** Opens the native file picker and adds the chosen photos as one group. */
  'dialog:pick-photos': () => AddOutcome | null;
  'prover:status': () => ProverStatus;
  /** Starts the proof prover again after it could not start (it stops retrying on its own after a few tries). */
  'prover:restart': () => void;
}

export interface EventMap {
  /** Batched, at most every 100 ms. */
  'jobs:changed': JobsDelta;
  /** Batched, at most every 100 ms; `lines` carry sequence numbers per job. */
  'jobs:log': { jobId: string; lines: LogLine[] };
  'prover:status': ProverStatus;
  'settings:changed': Settings;
  'trust-lists:changed': TrustListView[];
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;
export type InvokeArgs<C extends InvokeChannel> = Parameters<InvokeMap[C]>;
export type InvokeResult<C extends InvokeChannel> = ReturnType<InvokeMap[C]>;

/**
 * Thumbnails are served by main beside the page, only for the photo of a known job, at this path relative to the
 * page (app://shutterproof/thumbnails/<jobId> in the app): the page never names a file, and `img-src 'self'` holds.
 */
export function thumbnailPath(jobId: string): string {
  return `thumbnails/${encodeURIComponent(jobId)}`;
}

export { PATHS_GRANTED_CHANNEL } from './ipc-channels.js';

/** Wrapped result: errors cross IPC as data so the renderer can show the code's sentence and hint. */
export type IpcResponse<T> = { ok: true; value: T } | { ok: false; error: JobError };
