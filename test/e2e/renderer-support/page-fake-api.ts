// An in-page stand-in for window.shutterproof, for loading the built renderer in Chromium without the engine.
// Passed to page.addInitScript, so it must be self-contained: no imports, no outer variables.
export interface PageFakeSeed {
  jobs: number;
  groups: number;
}

export function installPageFakeApi(seed: PageFakeSeed): void {
  type Listener = (payload: unknown) => void;
  const listeners: Record<string, Set<Listener>> = {};
  const on = (channel: string) => (listener: Listener) => {
    (listeners[channel] ??= new Set()).add(listener);
    return () => void listeners[channel].delete(listener);
  };
  const calls: { name: string; args: unknown[] }[] = [];
  const record =
    (name: string, answer: (...args: any[]) => unknown = () => undefined) =>
    async (...args: unknown[]) => {
      calls.push({ name, args: args.map((a) => (a instanceof File ? { file: a.name } : a)) });
      return answer(...args);
    };
  const now = Date.UTC(2026, 10, 23, 12);
  const groups = Array.from({ length: seed.groups }, (_, g) => ({ id: `g${g}`, label: `${Math.ceil(seed.jobs / seed.groups)} photos from Assignment ${g + 1}`, createdAt: now - g * 1000 }));
  const states = ['succeeded', 'running', 'queued', 'failed'] as const;
  const jobs = Array.from({ length: seed.jobs }, (_, i) => {
    const state = i < 4 ? states[i] : 'queued';
    return {
      id: `j${i}`,
      groupId: `g${i % Math.max(1, seed.groups)}`,
      file: { path: `/photos/IMG_${1000 + i}.jpg`, name: `IMG_${1000 + i}.jpg`, size: 3_200_000, sha256: '00'.repeat(32) },
      trustListId: null,
      state,
      priority: 0,
      attempts: 1,
      createdAt: now + i,
      ...(state === 'running'
        ? {
            stage: { name: 'prove', label: 'Making the proof', index: 3, total: 5 },
            progress: { done: 2, total: 5, etaMs: 95_000 },
            startedAt: Date.now() - 150_000,
            estimate: { typicalMs: 420_000, measured: true, finishAt: Date.now() + 270_000 },
          }
        : {}),
      ...(state === 'queued' ? { check: 'passed', estimate: { typicalMs: 420_000, measured: true } } : {}),
      ...(state === 'failed'
        ? { error: { code: 'hash_mismatch', message: 'This photo was changed after its Content Credentials were signed.', hint: 'Use the original, unedited file. A proof cannot be made for a changed photo.', retryable: false, detail: 'asset hash 1f.. != 9a..' } }
        : {}),
      ...(state === 'succeeded'
        ? {
            result: {
              packPath: '/proofs/IMG_1000.proof.json',
              publicInputs: { assetHash: '9a'.repeat(32), trustRoot: '1234567890123456789' },
              verified: true,
              circuit: { id: 'c2pa-es256', version: 1, vkHash: '1' },
              trustList: { name: "This photo's issuer", root: '1234567890123456789', size: 1 },
              timings: { totalMs: 118_000, steps: [{ name: 'read', ms: 120 }, { name: 'prove', ms: 117_000 }] },
            },
          }
        : {}),
    };
  });
  const settings = { concurrency: 1, outputFolder: '/home/ana/Shutterproof', historyRetentionDays: 30, jobTimeoutMinutes: 60, defaultTrustListId: null, includeStrippedPhoto: false, theme: 'system' };
  const w = window as unknown as Record<string, unknown>;
  w.__fake = { calls, emit: (channel: string, payload: unknown) => listeners[channel]?.forEach((l) => l(payload)) };
  w.shutterproof = {
    jobs: {
      list: record('jobs.list', () => ({ jobs, groups })),
      addFiles: record('jobs.addFiles', (files: File[]) => ({ groupId: 'g-new', added: files.length, skipped: [] })),
      pick: record('jobs.pick', () => null),
      cancel: record('jobs.cancel'),
      retry: record('jobs.retry'),
      remove: record('jobs.remove'),
      moveToTop: record('jobs.moveToTop'),
      logs: record('jobs.logs', () => ({ lines: [{ seq: 1, ts: now, level: 'info', msg: 'Reading the photo' }], lastSeq: 1 })),
      export: record('jobs.export', () => ({ folder: '/exports', packs: 1, photos: 0 })),
      reveal: record('jobs.reveal'),
      onChanged: on('jobs:changed'),
      onLog: on('jobs:log'),
    },
    verify: { run: record('verify.run', () => ({ valid: true })) },
    settings: {
      get: record('settings.get', () => settings),
      set: record('settings.set', (patch: object) => Object.assign(settings, patch)),
      pickOutputFolder: record('settings.pickOutputFolder', () => settings),
      onChanged: on('settings:changed'),
    },
    trustLists: { list: record('trustLists.list', () => []), import: record('trustLists.import'), remove: record('trustLists.remove'), onChanged: on('trust-lists:changed') },
    prover: { status: record('prover.status', () => ({ state: 'warming', done: 2, total: 5, label: 'Compiling the signature step' })), restart: record('prover.restart', () => undefined), onStatus: on('prover:status') },
    platform: 'linux',
  };
}
