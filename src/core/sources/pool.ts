/**
 * Runs `work` over the items with at most `limit` in flight, results in item order. On the first
 * failure no new item starts, `onFail` runs (to abort those in flight) and that first error is thrown.
 */
export async function runPool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>, onFail: () => void = () => undefined): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const i = next;
      next += 1;
      try {
        results[i] = await work(items[i]!, i);
      } catch (error) {
        if (!failure) {
          failure = { error };
          onFail();
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}
