/**
 * Runs async tasks one at a time, in call order. The file store routes every operation through one
 * queue so appends never interleave and a read issued after a write sees that write.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once every task queued so far has settled. */
  drain(): Promise<void>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      // A failed task must not poison the queue: its caller sees the rejection, the next task runs.
      tail = result.catch(() => undefined);
      return result;
    },
    drain: async () => {
      await tail;
    },
  };
}
