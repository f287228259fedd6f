// Admits the batches of one import job in row order. The gateway keeps two batches in flight
// and nothing makes them arrive in the order they were sent; a batch written before the one
// ahead of it would move the job's checkpoint over rows not yet stored, and those rows, when
// they came, would be answered "already done" and lost. So a batch that starts past the rows
// admitted so far waits (bounded) for the batches before it; a gap that does not fill in time
// is refused, never skipped.
import { ContactImportError } from '../domain/contact-import-error';

export interface RowRange {
  first: number;
  last: number;
}

interface Waiter {
  rows: RowRange;
  enter: () => void;
}

export class RowOrderGate {
  /** The first row not yet admitted; known once the job's checkpoint has been read. */
  private next: number | undefined;
  private readonly waiting: Waiter[] = [];

  private firstRow: Promise<number> | undefined;

  /** `firstRow` is read once, by the first batch that needs it. */
  constructor(
    private readonly readFirstRow: () => Promise<number>,
    private readonly waitMs: number,
  ) {}

  /** Calls `enter` once every row before `rows.first` has been admitted, in row order. */
  admit<T>(rows: RowRange, enter: () => Promise<T>): Promise<T> {
    // Callbacks on one promise run in registration order: arrivals in row order stay in it.
    this.firstRow ??= this.readFirstRow();
    return this.firstRow.then((firstRow) => {
      this.next ??= firstRow;
      if (rows.first <= this.next) return this.enter(rows, enter);
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter = {
          rows,
          enter: () => {
            clearTimeout(timer);
            resolve(this.enter(rows, enter));
          },
        };
        const timer = setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(gapNotFilled(this.next ?? firstRow, rows.first));
        }, this.waitMs);
        this.waiting.push(waiter);
      });
    });
  }

  private enter<T>(rows: RowRange, enter: () => Promise<T>): Promise<T> {
    this.next = Math.max(this.next ?? rows.first, rows.last + 1);
    const entered = enter();
    this.releaseAdmissible();
    return entered;
  }

  private releaseAdmissible(): void {
    const ready = this.waiting
      .filter((w) => w.rows.first <= (this.next ?? 0))
      .sort((a, b) => a.rows.first - b.rows.first)[0];
    if (!ready) return;
    this.waiting.splice(this.waiting.indexOf(ready), 1);
    ready.enter(); // admits it, which releases the next one in turn
  }
}

function gapNotFilled(next: number, first: number): ContactImportError {
  return ContactImportError.refused(
    `rows ${next} to ${first - 1} of this import have not arrived; resume the import from its checkpoint`,
  );
}
