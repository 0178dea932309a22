// A job's newest log lines in a fixed-size circular buffer: a flooding prover appends tens of thousands of lines a
// second, and trimming an array from the front on each one copies the whole array every time.
import type { LogLine } from '../../common/ipc-contract.js';

export class LineRing {
  private readonly slots: LogLine[];
  /** Index of the oldest line. */
  private head = 0;
  private count = 0;

  constructor(
    readonly capacity: number,
    lines: LogLine[] = [],
  ) {
    this.slots = new Array<LogLine>(capacity);
    for (const line of lines.slice(-capacity)) this.push(line);
  }

  get length(): number {
    return this.count;
  }

  /** The oldest line held, if any. */
  get first(): LogLine | undefined {
    return this.count ? this.slots[this.head] : undefined;
  }

  push(line: LogLine): void {
    if (this.count < this.capacity) {
      this.slots[(this.head + this.count++) % this.capacity] = line;
    } else {
      this.slots[this.head] = line;
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** Lines with seq > after, oldest first. */
  after(after: number): LogLine[] {
    const out: LogLine[] = [];
    for (let i = 0; i < this.count; i++) {
      const line = this.slots[(this.head + i) % this.capacity];
      if (line.seq > after) out.push(line);
    }
    return out;
  }
}
