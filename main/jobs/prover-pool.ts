// The worker provers: one per job that may run at once (the concurrency setting), created when first needed and
// stopped when the setting shrinks. The first worker's status is the app's prover status.
import type { ProverStatus } from '../../common/ipc-contract.js';
import type { EngineDeps, Prover } from './engine-types.js';

export interface Worker {
  prover: Prover;
  jobId?: string;
}

export class ProverPool {
  readonly workers: Worker[] = [];
  status: ProverStatus = { state: 'starting' };

  constructor(
    private readonly create: EngineDeps['createProver'],
    private readonly onStatus: (status: ProverStatus) => void,
  ) {}

  worker(index: number): Worker {
    while (this.workers.length <= index) {
      const primary = this.workers.length === 0;
      const prover = this.create('worker', (status) => {
        if (!primary) return;
        this.status = status;
        this.onStatus(status);
      });
      this.workers.push({ prover });
    }
    return this.workers[index];
  }

  /** The circuit version a prover announced, once one has started. */
  circuitVersion(): number | undefined {
    return this.workers.find((w) => w.prover.circuit)?.prover.circuit?.version;
  }

  /** Stops idle workers beyond `size` (busy ones are left to finish). */
  shrinkTo(size: number): void {
    for (let i = this.workers.length - 1; i >= Math.max(1, size); i--) {
      if (this.workers[i].jobId) continue;
      void this.workers.splice(i, 1)[0].prover.stop();
    }
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.prover.stop()));
  }
}
