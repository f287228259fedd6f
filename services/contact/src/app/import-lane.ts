// The batches of one import job in this process, as a two-stage pipeline: batch k+1 is
// validated and matched (CPU) while batch k is written (database), but decisions happen in
// batch order (the matcher must know the contacts of every earlier row) and so do writes
// (the checkpoint never passes a batch that is not stored). Once a batch fails, the later
// batches of the lane fail too: writing them would move the checkpoint over the failed rows.
import { ContactImportError } from '../domain/contact-import-error';
import { RowOrderGate, type RowRange } from './row-order-gate';

const settled = () => undefined;

export class ImportLane {
  private decideTail: Promise<unknown> = Promise.resolve();
  private writeTail: Promise<unknown> = Promise.resolve();
  private failed = false;
  private pending = 0;

  private readonly order: RowOrderGate | undefined;

  /**
   * With `rowOrder` (the job's first row not yet stored, and how long a batch may wait for
   * the ones before it), batches given their rows enter in row order, not arrival order.
   */
  constructor(
    private readonly onIdle: (lane: ImportLane, failed: boolean) => void,
    rowOrder?: { firstRow: () => Promise<number>; waitMs: number },
  ) {
    this.order = rowOrder && new RowOrderGate(rowOrder.firstRow, rowOrder.waitMs);
  }

  run<P, R>(decide: () => Promise<P>, write: (plan: P) => Promise<R>, rows?: RowRange): Promise<R> {
    this.pending += 1;
    const entered =
      rows && this.order
        ? this.order.admit(rows, () => this.enqueue(decide, write))
        : this.enqueue(decide, write);
    return entered
      .catch((err: unknown) => {
        this.failed = true;
        throw err;
      })
      .finally(() => {
        this.pending -= 1;
        if (this.pending === 0) this.onIdle(this, this.failed);
      });
  }

  private enqueue<P, R>(decide: () => Promise<P>, write: (plan: P) => Promise<R>): Promise<R> {
    const decided = this.decideTail.then(() => {
      this.assertOpen();
      return decide();
    });
    this.decideTail = decided.then(settled, settled);
    const written = this.writeTail
      .then(async () => {
        const plan = await decided;
        this.assertOpen();
        return write(plan);
      })
      .catch((err: unknown) => {
        this.failed = true;
        throw err;
      });
    this.writeTail = written.then(settled, settled);
    return written;
  }

  private assertOpen(): void {
    if (this.failed) {
      throw ContactImportError.refused(
        'an earlier batch of this import failed; resume the import from its checkpoint',
      );
    }
  }
}
