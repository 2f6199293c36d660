/**
 * Runs async work one piece at a time. SQLite has one connection per process, and a transaction
 * that awaits between statements must not let another request's statements into it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
