// Memory a new proof can use. On Linux and Windows os.freemem() already reports available memory (MemAvailable,
// available physical memory). On macOS it counts only completely free pages and would refuse proofs on a machine
// with plenty of reclaimable cache, so there the inactive, speculative and purgeable pages from vm_stat are added.
import { execFileSync } from 'node:child_process';
import { freemem } from 'node:os';

export function availableMemory(): number {
  if (process.platform !== 'darwin') return freemem();
  try {
    return fromVmStat(execFileSync('/usr/bin/vm_stat', { encoding: 'utf8', timeout: 2000 }));
  } catch {
    return freemem();
  }
}

/** Parses `vm_stat` output: "Mach Virtual Memory Statistics: (page size of 16384 bytes)" then "Pages free: 123." lines. */
export function fromVmStat(text: string): number {
  const pageSize = Number(/page size of (\d+) bytes/.exec(text)?.[1] ?? 4096);
  const pages = (label: string) => Number(new RegExp(`^Pages ${label}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  const total = pages('free') + pages('inactive') + pages('speculative') + pages('purgeable');
  if (total === 0) throw new Error('vm_stat output not understood');
  return total * pageSize;
}
