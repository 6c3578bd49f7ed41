import "server-only";
import type { Db } from "@/lib/db/connect";
import { isDbUnavailable } from "@/lib/http/db-errors";
import type { ReportInput } from "./schema";
import { storeReports, type IntakeOptions, type Stored } from "./store";

type Write = typeof storeReports;

interface Job {
  input: ReportInput;
  opts: IntakeOptions;
  resolve: (r: Stored) => void;
  reject: (e: unknown) => void;
}

export const MAX_BATCH = 64;
/**
 * Group commit for intake. A report that finds the queue idle is written at once; reports that
 * arrive while a batch is being written wait for it and go together in the next one, so under
 * a surge the database sees a few statements per batch instead of ten per report, and a quiet
 * hour sees no added delay at all.
 *
 * One batch is written at a time per process. Under load that makes batches larger than two in
 * flight did, and each report cheaper on both sides (BENCHMARKS.md). And a batch's text
 * matching runs after the previous batch has committed: with two in flight, the first variants
 * of a new forwarded message could each open their own case (exact copies are also joined by
 * the database itself, iblagh_case_for_exact_text; across instances that is all there is).
 */
export class IntakeQueue {
  private pending: Job[] = [];
  private writing = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = MAX_BATCH,
    // The batch writer; tests wrap the real one to count the statements a refused report costs.
    private readonly write: Write = storeReports,
  ) {}

  submit(input: ReportInput, opts: IntakeOptions): Promise<Stored> {
    return new Promise((resolve, reject) => {
      this.pending.push({ input, opts, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain() {
    this.writing = true;
    try {
      while (this.pending.length > 0) await this.flush(this.pending.splice(0, this.maxBatch));
    } finally {
      this.writing = false;
    }
  }

  private async flush(jobs: Job[]): Promise<void> {
    try {
      const outcomes = await this.write(this.db, jobs);
      for (const [i, o] of outcomes.entries()) {
        if (o.ok) jobs[i].resolve(o.value);
        else jobs[i].reject(o.error);
      }
    } catch (error) {
      // Unreachable database: retrying 64 reports one by one would keep the last citizen waiting
      // 64 connection timeouts for the same 503. Everyone gets it now; the form keeps the draft.
      if (jobs.length === 1 || isDbUnavailable(error)) {
        for (const job of jobs) job.reject(error);
        return;
      }
      // One report the database refuses, or a deadlock with another instance, must not fail
      // the others. Halving finds it in log2(batch) rounds: retrying one by one would turn each
      // refused report into a batch's worth of single writes, an amplifier anyone could send.
      const half = Math.ceil(jobs.length / 2);
      await this.flush(jobs.slice(0, half));
      await this.flush(jobs.slice(half));
    }
  }
}

const queues = new WeakMap<Db, IntakeQueue>();

/** One queue per database connection in this process. */
export function intakeQueue(db: Db): IntakeQueue {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = new IntakeQueue(db)));
  return q;
}
