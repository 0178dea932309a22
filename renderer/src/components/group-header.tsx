// One drop's header in the job list: its label, how many photos are where, and Export for the whole group (a drop of
// one photo has its row's Export only: two buttons doing the same thing under the same name would confuse).
import { memo } from 'react';
import type { JobGroup } from '../../../common/ipc-contract.js';
import { countsText, groupTitle, type GroupCounts } from '../lib/job-list-model.js';
import type { JobActions } from '../lib/use-job-actions.js';

export const GroupHeader = memo(function GroupHeader({ group, counts, actions }: { group: JobGroup; counts: GroupCounts; actions: JobActions }) {
  const title = groupTitle(group);
  return (
    <div className="group-header" role="listitem">
      <h2 className="group-header__label">{title}</h2>
      <span className="group-header__counts">{countsText(counts)}</span>
      {counts.done > 0 && counts.total > 1 && (
        <button type="button" className="button button--small" onClick={() => actions.askExport({ kind: 'group', groupId: group.id }, title)} aria-label={`Export ${title}`}>
          Export
        </button>
      )}
    </div>
  );
});
