// Renderer state: slices that mirror main (jobs + groups + per-job log tails, settings, trust lists, prover status).
// Written only by useShutterproofSync from IPC snapshots and events; components read it through selectors.
import { create } from 'zustand';
import type { Job, JobGroup, JobsDelta, JobsSnapshot, LogLine, ProverStatus, Settings, TrustListView } from '../../../common/ipc-contract.js';
import { EMPTY_LOG, mergeLog, type JobLog } from './log-merge.js';

export interface JobsSlice {
  /** Maps, copied on write: with 10,000 jobs a Map copy costs a few ms where an object spread costs several times more. */
  jobs: ReadonlyMap<string, Job>;
  groups: ReadonlyMap<string, JobGroup>;
  logs: Record<string, JobLog>;
  /** Bumped on every jobs change so derived views recompute once per batch. */
  jobsVersion: number;
  loaded: boolean;
}

export interface ShutterproofState extends JobsSlice {
  settings: Settings | null;
  trustLists: TrustListView[];
  proverStatus: ProverStatus | null;
  applySnapshot(snapshot: JobsSnapshot): void;
  applyDelta(delta: JobsDelta): void;
  appendLog(jobId: string, lines: LogLine[], resync?: boolean): void;
  setSettings(settings: Settings): void;
  setTrustLists(lists: TrustListView[]): void;
  setProverStatus(status: ProverStatus): void;
}

const initial = {
  jobs: new Map<string, Job>() as ReadonlyMap<string, Job>,
  groups: new Map<string, JobGroup>() as ReadonlyMap<string, JobGroup>,
  logs: {},
  jobsVersion: 0,
  loaded: false,
  settings: null,
  trustLists: [],
  proverStatus: null,
} satisfies Partial<ShutterproofState>;

export const useShutterproof = create<ShutterproofState>()((set) => ({
  ...initial,
  applySnapshot: ({ jobs, groups }) =>
    set((s) => {
      const byId = new Map(jobs.map((job) => [job.id, job]));
      const groupsById = new Map(groups.map((group) => [group.id, group]));
      // Keep log tails only for jobs that still exist.
      const logs: Record<string, JobLog> = {};
      for (const id of Object.keys(s.logs)) if (byId.has(id)) logs[id] = s.logs[id];
      return { jobs: byId, groups: groupsById, logs, jobsVersion: s.jobsVersion + 1, loaded: true };
    }),
  applyDelta: (delta) =>
    set((s) => {
      const jobs = new Map(s.jobs);
      for (const job of delta.upserts) jobs.set(job.id, job);
      let logs = s.logs;
      if (delta.removed.length) {
        logs = { ...s.logs };
        for (const id of delta.removed) {
          jobs.delete(id);
          delete logs[id];
        }
      }
      let groups = s.groups;
      if (delta.groups.length || delta.removedGroups.length) {
        const next = new Map(s.groups);
        for (const group of delta.groups) next.set(group.id, group);
        for (const id of delta.removedGroups) next.delete(id);
        groups = next;
      }
      return { jobs, groups, logs, jobsVersion: s.jobsVersion + 1 };
    }),
  appendLog: (jobId, lines, resync = false) =>
    set((s) => {
      // Lines for a job we no longer (or do not yet) know are kept only if the job exists, so removed jobs
      // cannot leave tails behind.
      if (!s.jobs.has(jobId) && s.loaded) return s;
      const next = mergeLog(s.logs[jobId] ?? EMPTY_LOG, lines, undefined, resync);
      if (next === s.logs[jobId]) return s;
      return { logs: { ...s.logs, [jobId]: next } };
    }),
  setSettings: (settings) => set({ settings }),
  setTrustLists: (trustLists) => set({ trustLists }),
  setProverStatus: (proverStatus) => set({ proverStatus }),
}));

/** Back to the empty state (tests, and a reload of the page re-runs sync anyway). */
export function resetShutterproofStore(): void {
  useShutterproof.setState({ ...initial });
}
