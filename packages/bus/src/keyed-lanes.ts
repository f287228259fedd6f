// One lane per key: tasks with the same key run one after the other in arrival order, tasks
// with different keys run side by side. Writers of one aggregate that need no expected
// version (a consent on a contact) queue here instead of racing for the next version: on
// FerretDB every lost race costs a read, a staged intent and its delete, and the losers'
// retries collide again, so a burst of N writers costs O(N²) round trips instead of N.
// Only this process's writers queue; other replicas still race, which the caller's
// version-conflict retry answers.
const settled = () => undefined;

export class KeyedLanes {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(settled, settled);
    this.tails.set(key, tail);
    // Forget an idle key, so the map holds only keys with work queued.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or queued (for tests and metrics). */
  get busyKeys(): number {
    return this.tails.size;
  }
}
