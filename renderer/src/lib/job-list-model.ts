// The job list as one flat array for the virtualiser: a header per group (a drop), then its jobs. Groups newest
// first; inside a group, the order main runs them in (priority, then age), so "Move to top" is visible.
import type { Job, JobGroup, JobState } from '../../../common/ipc-contract.js';

export interface GroupCounts {
  total: number;
  waiting: number;
  running: number;
  done: number;
  failed: number;
}

export type ListItem =
  | { kind: 'group'; key: string; group: JobGroup; counts: GroupCounts }
  | { kind: 'job'; key: string; job: Job };

function compareInGroup(a: Job, b: Job): number {
  return b.priority - a.priority || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const COUNT_OF: Record<JobState, keyof Omit<GroupCounts, 'total'>> = {
  queued: 'waiting',
  interrupted: 'waiting',
  running: 'running',
  succeeded: 'done',
  failed: 'failed',
  cancelled: 'failed',
};

export function buildJobList(jobs: ReadonlyMap<string, Job>, groups: ReadonlyMap<string, JobGroup>): ListItem[] {
  const byGroup = new Map<string, Job[]>();
  for (const job of jobs.values()) {
    const list = byGroup.get(job.groupId);
    if (list) list.push(job);
    else byGroup.set(job.groupId, [job]);
  }
  const known = [...groups.values()];
  // A job whose group record has not arrived yet still shows, under a plain label.
  for (const [id, members] of byGroup) {
    if (!groups.has(id)) known.push({ id, label: 'Photos', createdAt: members.reduce((min, j) => Math.min(min, j.createdAt), Infinity) });
  }
  known.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  const items: ListItem[] = [];
  for (const group of known) {
    const members = byGroup.get(group.id);
    if (!members?.length) continue;
    members.sort(compareInGroup);
    const counts: GroupCounts = { total: members.length, waiting: 0, running: 0, done: 0, failed: 0 };
    for (const job of members) counts[COUNT_OF[job.state]]++;
    items.push({ kind: 'group', key: 'g:' + group.id, group, counts });
    for (const job of members) items.push({ kind: 'job', key: job.id, job });
  }
  return items;
}

/**
 * A group's name: the folder it came from, or the time of the drop (a name made only of a count says nothing the
 * counts beside it do not).
 */
export function groupTitle(group: JobGroup, now = Date.now()): string {
  const folder = /^\d+ photos? from (.+)$/.exec(group.label)?.[1];
  if (folder) return folder;
  if (!/^\d+ photos?$/.test(group.label) && group.label !== 'Photos') return group.label;
  const at = new Date(group.createdAt);
  const time = at.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  const sameDay = new Date(now).toDateString() === at.toDateString();
  return sameDay ? `Added at ${time}` : `Added ${at.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`;
}

export function countsText(counts: GroupCounts): string {
  const parts = [`${counts.total} ${counts.total === 1 ? 'photo' : 'photos'}`];
  if (counts.done) parts.push(`${counts.done} ready`);
  if (counts.running) parts.push(`${counts.running} in progress`);
  if (counts.waiting) parts.push(`${counts.waiting} waiting`);
  if (counts.failed) parts.push(`${counts.failed} not proved`);
  return parts.join(' · ');
}
