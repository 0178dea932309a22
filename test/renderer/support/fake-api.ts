// An in-memory ShutterproofApi for renderer tests: every call is a vi.fn with a sensible default answer, and
// the test can emit any main -> renderer event. Subscriptions are counted so tests can check tear-down.
import { vi } from 'vitest';
import { errorInfo, type ErrorCode } from '../../../common/error-codes.js';
import type { EventMap, ExportScope, Job, JobGroup, LogLine, ProverStatus, Settings, TrustListView } from '../../../common/ipc-contract.js';
import { encodeApiError, type ShutterproofApi } from '../../../common/preload-api.js';

type Listener<E extends keyof EventMap> = (payload: EventMap[E]) => void;

export interface FakeApi extends ShutterproofApi {
  emit<E extends keyof EventMap>(channel: E, payload: EventMap[E]): void;
  listenerCount(): number;
  state: { jobs: Job[]; groups: JobGroup[]; settings: Settings; trustLists: TrustListView[]; status: ProverStatus; logs: Record<string, LogLine[]> };
}

export function apiError(code: ErrorCode, detail?: string): Error {
  const { message, hint, retryable } = errorInfo(code);
  return encodeApiError({ code, message, hint, retryable, ...(detail ? { detail } : {}) });
}

export function defaultSettings(): Settings {
  return {
    concurrency: 1,
    outputFolder: '/home/ana/Documents/Shutterproof',
    historyRetentionDays: 30,
    jobTimeoutMinutes: 60,
    defaultTrustListId: null,
    includeStrippedPhoto: false,
    theme: 'system',
  };
}

export function createFakeApi(initial: Partial<FakeApi['state']> = {}): FakeApi {
  const state: FakeApi['state'] = {
    jobs: [],
    groups: [],
    settings: defaultSettings(),
    trustLists: [],
    status: { state: 'ready' },
    logs: {},
    ...initial,
  };
  const listeners = new Map<keyof EventMap, Set<Listener<never>>>();
  const subscribe =
    <E extends keyof EventMap>(channel: E) =>
    (listener: Listener<E>) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener as Listener<never>);
      return () => void listeners.get(channel)!.delete(listener as Listener<never>);
    };

  const api: FakeApi = {
    state,
    emit(channel, payload) {
      for (const listener of listeners.get(channel) ?? []) (listener as Listener<typeof channel>)(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    jobs: {
      list: vi.fn(async () => ({ jobs: state.jobs, groups: state.groups })),
      addFiles: vi.fn(async (files: File[]) => ({ groupId: 'g-new', added: files.length, skipped: [] })),
      pick: vi.fn(async () => null),
      addSample: vi.fn(async () => ({ groupId: 'g-sample', added: 1, skipped: [] })),
      cancel: vi.fn(async () => undefined),
      retry: vi.fn(async () => undefined),
      remove: vi.fn(async () => undefined),
      moveToTop: vi.fn(async () => undefined),
      logs: vi.fn(async (jobId: string, after: number) => {
        const lines = (state.logs[jobId] ?? []).filter((l) => l.seq > after);
        return { lines, lastSeq: state.logs[jobId]?.at(-1)?.seq ?? 0 };
      }),
      export: vi.fn(async (req: { scope: ExportScope }) => ({ folder: '/home/ana/Desktop/proofs', packs: 1, photos: 0, revealJobId: req.scope.kind === 'job' ? req.scope.jobId : null })),
      reveal: vi.fn(async () => undefined),
      onChanged: subscribe('jobs:changed'),
      onLog: subscribe('jobs:log'),
    },
    verify: {
      run: vi.fn(async () => ({ valid: true })),
    },
    settings: {
      get: vi.fn(async () => state.settings),
      set: vi.fn(async (patch: Partial<Settings>) => (state.settings = { ...state.settings, ...patch })),
      pickOutputFolder: vi.fn(async () => (state.settings = { ...state.settings, outputFolder: '/media/usb/proofs' })),
      onChanged: subscribe('settings:changed'),
    },
    trustLists: {
      list: vi.fn(async () => state.trustLists),
      import: vi.fn(async (file: File, name?: string) => {
        const list: TrustListView = {
          id: 'tl-' + (state.trustLists.length + 1),
          name: name ?? file.name.replace(/\.pem$/, ''),
          root: '1234567890',
          importedAt: Date.UTC(2026, 10, 1),
          certificates: [{ subject: 'CN=Imported CA', issuer: 'CN=Imported Root', sha256: 'ab'.repeat(32), notAfter: '2030-01-01T00:00:00.000Z' }],
        };
        state.trustLists = [...state.trustLists, list];
        return list;
      }),
      remove: vi.fn(async (id: string) => void (state.trustLists = state.trustLists.filter((l) => l.id !== id))),
      onChanged: subscribe('trust-lists:changed'),
    },
    prover: {
      status: vi.fn(async () => state.status),
      restart: vi.fn(async () => undefined),
      onStatus: subscribe('prover:status'),
    },
    platform: 'linux',
  };
  return api;
}
