// The grouped job list, virtualised: only the rows in view (plus a few) exist in the DOM, so 10,000 jobs scroll
// as smoothly as ten. Sizes are fixed per kind of item, so no row needs measuring.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import { buildJobList } from '../lib/job-list-model.js';
import { useJobActions } from '../lib/use-job-actions.js';
import { useNow } from '../lib/use-now.js';
import { useShutterproof } from '../store/store.js';
import { useUi } from '../store/ui-store.js';
import { GroupHeader } from './group-header.js';
import { JobRow } from './job-row.js';

export const GROUP_HEIGHT = 44;
export const ROW_HEIGHT = 72;

export function JobList({ narrow }: { narrow: boolean }) {
  const jobs = useShutterproof((s) => s.jobs);
  const groups = useShutterproof((s) => s.groups);
  const selectedJobId = useUi((s) => s.selectedJobId);
  const prover = useShutterproof((s) => s.proverStatus);
  const anyRunning = useShutterproof((s) => [...s.jobs.values()].some((j) => j.state === 'running'));
  const now = useNow(anyRunning);
  const actions = useJobActions();
  const items = useMemo(() => buildJobList(jobs, groups), [jobs, groups]);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i].kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    getItemKey: (i) => items[i].key,
    overscan: 6,
  });

  const itemsRef = useRef(items);
  itemsRef.current = items;
  // Arrow keys move to the next job row, skipping group headers; the target may not be rendered yet, so scroll
  // it into view first and focus it on the next frame.
  const onArrow = useCallback(
    (index: number, step: number) => {
      const list = itemsRef.current;
      let target = index + step;
      while (target >= 0 && target < list.length && list[target].kind !== 'job') target += step;
      if (target < 0 || target >= list.length) return;
      virtualizer.scrollToIndex(target, { align: 'auto' });
      const focus = () => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus();
      const now = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
      if (now) now.focus();
      else requestAnimationFrame(focus);
    },
    [virtualizer],
  );

  return (
    <div className="job-list" ref={scrollRef} data-testid="job-list-scroller">
      <div role="list" aria-label="Photos" className="job-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index];
          return (
            <div key={v.key} role="none" className="job-list__item" style={{ height: v.size, transform: `translateY(${v.start}px)` }}>
              {item.kind === 'group' ? (
                <GroupHeader group={item.group} counts={item.counts} actions={actions} />
              ) : (
                <JobRow
                  job={item.job}
                  index={v.index}
                  selected={item.job.id === selectedJobId}
                  actions={actions}
                  onArrow={onArrow}
                  narrow={narrow}
                  prover={prover}
                  now={item.job.state === 'running' ? now : 0}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
