// A job's live log. On open it asks main for everything after the last line we hold (jobs.logs), then onLog
// batches (merged into the store by the sync hook) extend it; lines are merged by seq so overlaps never double.
// A gap in the sequence (main drops lines from an overfull batch) triggers another resync. The view follows the
// tail unless the user scrolled up to read.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { api } from '../api.js';
import { attempt } from '../lib/use-job-actions.js';
import { EMPTY_LOG, LOG_LINES_PER_JOB } from '../store/log-merge.js';
import { useShutterproof } from '../store/store.js';

export const LOG_LINE_HEIGHT = 20;

// One formatter for every line: toLocaleTimeString builds a new one per call (~0.1 ms), which was a quarter of the
// page's work while a flooding prover's lines scrolled by.
// The system's clock style (12- or 24-hour), as the group headings show it.
const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });

function timeOf(ts: number): string {
  return TIME.format(ts);
}

export function LogPane({ jobId }: { jobId: string }) {
  const log = useShutterproof((s) => s.logs[jobId] ?? EMPTY_LOG);
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const [copied, setCopied] = useState(false);

  // Resync when the pane opens for a job, and whenever a gap opens. A gap closing asks nothing: under a flood every
  // batch opens a gap, and asking again when each resync closed it doubled the requests. A gap's resync waits for
  // the next frame: asked at once, its answer often arrived in the frame that had just drawn the batch, so that
  // frame rendered the pane twice.
  const gap = log.gap;
  useEffect(() => (gap ? undefined : resync(jobId)), [jobId]);
  useEffect(() => {
    if (!gap) return;
    let cancel: () => void = () => undefined;
    const frame = requestAnimationFrame(() => (cancel = resync(jobId)));
    return () => {
      cancelAnimationFrame(frame);
      cancel();
    };
  }, [jobId, gap]);

  const virtualizer = useVirtualizer({
    count: log.lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_LINE_HEIGHT,
    overscan: 20,
  });

  useLayoutEffect(() => {
    if (following.current && log.lines.length) virtualizer.scrollToIndex(log.lines.length - 1, { align: 'end' });
  }, [log.lines.length, virtualizer]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    following.current = el.scrollTop + el.clientHeight >= el.scrollHeight - LOG_LINE_HEIGHT;
  };

  const copy = async () => {
    const text = log.lines.map((l) => `${new Date(l.ts).toISOString()} ${l.level.toUpperCase()} ${l.msg}`).join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="log-pane" aria-label="Log">
      <div className="log-pane__bar">
        <h3>Log</h3>
        <span className="log-pane__count">{log.lines.length ? `${log.lines.length} ${log.lines.length === 1 ? 'line' : 'lines'}` : 'No lines yet'}</span>
        <button type="button" className="button button--small" onClick={copy} disabled={!log.lines.length}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <div className="log-pane__scroller" ref={scrollRef} onScroll={onScroll} data-testid="log-scroller" tabIndex={0} aria-label="Log lines">
        <div className="log-pane__inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const line = log.lines[v.index];
            return (
              <div key={line.seq} className={`log-line log-line--${line.level}`} data-seq={line.seq} style={{ height: v.size, transform: `translateY(${v.start}px)` }}>
                <span className="log-line__time">{timeOf(line.ts)}</span> {line.msg}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

/** Asks main for what the store is missing and merges the answer; returns the cancel for an effect's cleanup. */
function resync(jobId: string): () => void {
  let live = true;
  const from = resyncFrom(jobId);
  void attempt(() => api().jobs.logs(jobId, from)).then((answer) => {
    if (live && answer) useShutterproof.getState().appendLog(jobId, answer.lines, true);
  });
  return () => {
    live = false;
  };
}

/**
 * Where a resync should start: from the beginning when we hold only a later part of the log (the pane opened
 * after lines went by), else after the last line before the first hole, so the answer fills the hole.
 */
function resyncFrom(jobId: string): number {
  const lines = useShutterproof.getState().logs[jobId]?.lines ?? [];
  if (!lines.length) return 0;
  if (lines[0].seq > 1 && lines.length < LOG_LINES_PER_JOB) return 0;
  for (let i = 1; i < lines.length; i++) if (lines[i].seq !== lines[i - 1].seq + 1) return lines[i - 1].seq;
  return lines[lines.length - 1].seq;
}
