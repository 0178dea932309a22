// How long the work still to do will take, beside Add photos: the running proofs to their finishing times plus the
// waiting photos at this computer's pace, split over the proofs that run at once.
import { formatEta, queueRemainingMs } from '../lib/job-words.js';
import { useNow } from '../lib/use-now.js';
import { useShutterproof } from '../store/store.js';

export function useQueueTotal(): string | null {
  const jobs = useShutterproof((s) => s.jobs);
  const concurrency = useShutterproof((s) => s.settings?.concurrency ?? 1);
  const busy = useShutterproof((s) => [...s.jobs.values()].some((j) => j.state === 'running' || j.state === 'queued'));
  const now = useNow(busy);
  const total = busy ? queueRemainingMs(jobs.values(), now, concurrency) : null;
  if (!total) return null;
  const photos = total.photos === 1 ? '1 photo' : `${total.photos} photos`;
  const time = formatEta(total.ms) ?? 'less than a minute left';
  return `${photos} to go — ${time}${total.measured ? '' : ' (typical)'}`;
}

export function QueueTotal() {
  const text = useQueueTotal();
  return text ? (
    <span className="toolbar__total" role="status" aria-label="Time for the photos to go">
      {text}
    </span>
  ) : null;
}
