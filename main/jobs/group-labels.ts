// A group's label, and what happens to a group whose photos were still being added when the app stopped: while a
// drop is being written (in slices, so thousands of files do not freeze the window) its group carries `adding`;
// a group found with it at the next start was cut short, and its label says how many photos are there and how many
// were not added, instead of the count that was dropped.
import type { JobGroup } from '../../common/ipc-contract.js';
import type { JobBook } from './job-book.js';

const count = (n: number) => n.toLocaleString('en-US');
const photos = (n: number) => `${count(n)} photo${n === 1 ? '' : 's'}`;

/**
 * "3 photos from Holidays", "1 photo", "3 photos": the window names a group without a folder by the time of the drop,
 * never by a photo's name, which its row right below already shows.
 */
export function groupLabel(n: number, folderName: string | undefined): string {
  return folderName ? `${photos(n)} from ${folderName}` : photos(n);
}

export function cutShortLabel(present: number, total: number, folderName: string | undefined): string {
  const of = `${count(present)} of ${photos(total)}${folderName ? ` from ${folderName}` : ''}`;
  return `${of} — ${count(total - present)} not added because Shutterproof stopped while adding them; add them again`;
}

/**
 * Relabels the groups a crash cut short (and forgets those left with no photo at all); returns what was changed,
 * for the app's log. Runs once, after the store is loaded and before anything is shown.
 */
export function recoverCutGroups(book: JobBook): { relabelled: JobGroup[]; removed: string[] } {
  const relabelled: JobGroup[] = [];
  const removed: string[] = [];
  const present = new Map<string, number>();
  for (const job of book.jobs.values()) present.set(job.groupId, (present.get(job.groupId) ?? 0) + 1);
  for (const group of [...book.groups.values()]) {
    if (!group.adding) continue;
    const n = present.get(group.id) ?? 0;
    const { adding, ...rest } = group;
    if (n === 0) {
      book.removeGroup(group.id);
      removed.push(group.id);
      continue;
    }
    const next: JobGroup = n >= adding.total ? rest : { ...rest, label: cutShortLabel(n, adding.total, adding.folderName) };
    book.addGroup(next);
    relabelled.push(next);
  }
  return { relabelled, removed };
}
