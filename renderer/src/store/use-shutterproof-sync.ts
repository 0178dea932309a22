// The one place that connects the store to main: subscribe to deltas first, then load snapshots, so nothing that
// happens in between is lost. Deltas that arrive while the jobs snapshot is in flight are replayed on top of it;
// a settings / trust-list / prover event that arrives first wins over its (older) snapshot. Everything is torn
// down on unmount.
import { useEffect, useState } from 'react';
import type { JobError, JobsDelta } from '../../../common/ipc-contract.js';
import { apiErrorOf } from '../../../common/preload-api.js';
import { api } from '../api.js';
import { useShutterproof } from './store.js';

export function useShutterproofSync(): { error: JobError | null } {
  const [error, setError] = useState<JobError | null>(null);

  useEffect(() => {
    const bridge = api();
    const store = useShutterproof.getState();
    let live = true;
    let pending: JobsDelta[] | null = [];
    const seen = { settings: false, trustLists: false, status: false };

    const unsubscribe = [
      bridge.jobs.onChanged((delta) => {
        if (pending) pending.push(delta);
        else store.applyDelta(delta);
      }),
      bridge.jobs.onLog(({ jobId, lines }) => store.appendLog(jobId, lines)),
      bridge.settings.onChanged((settings) => {
        seen.settings = true;
        store.setSettings(settings);
      }),
      bridge.trustLists.onChanged((lists) => {
        seen.trustLists = true;
        store.setTrustLists(lists);
      }),
      bridge.prover.onStatus((status) => {
        seen.status = true;
        store.setProverStatus(status);
      }),
    ];

    const fail = (e: unknown) => live && setError(apiErrorOf(e));
    bridge.jobs
      .list()
      .then((snapshot) => {
        if (!live) return;
        store.applySnapshot(snapshot);
        for (const delta of pending ?? []) store.applyDelta(delta);
        pending = null;
      })
      .catch((e: unknown) => {
        // Without a snapshot, deltas are still the best we have: stop buffering them.
        for (const delta of pending ?? []) store.applyDelta(delta);
        pending = null;
        fail(e);
      });
    bridge.settings
      .get()
      .then((settings) => live && !seen.settings && store.setSettings(settings))
      .catch(fail);
    bridge.trustLists
      .list()
      .then((lists) => live && !seen.trustLists && store.setTrustLists(lists))
      .catch(fail);
    bridge.prover
      .status()
      .then((status) => live && !seen.status && store.setProverStatus(status))
      .catch(fail);

    return () => {
      live = false;
      for (const off of unsubscribe) off();
    };
  }, []);

  return { error };
}
