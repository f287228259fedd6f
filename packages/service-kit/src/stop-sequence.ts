// What a process started, undone in reverse order: the gRPC server stops taking calls before
// the consumers stop, the consumers before the producer, the producer before the database.
import type { Logger } from '@kith/logger';

export class StopSequence {
  private readonly steps: Array<{ name: string; stop: () => Promise<void> | void }> = [];

  constructor(private readonly logger: Logger) {}

  /** Adds the undoing of a step that has just started; it runs before every earlier one. */
  add(name: string, stop: () => Promise<void> | void): void {
    this.steps.push({ name, stop });
  }

  /**
   * Runs every step once, latest first. A step that fails is logged and the rest still run:
   * a producer that cannot disconnect must not keep the database pool open.
   */
  async stop(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.stop();
      } catch (err) {
        this.logger.error({ err, step: step.name }, 'error while stopping');
      }
    }
  }

  /** Runs `start`; if it fails, undoes what it had started and rethrows. */
  async unlessFails<T>(start: () => Promise<T>): Promise<T> {
    try {
      return await start();
    } catch (err) {
      await this.stop();
      throw err;
    }
  }
}
