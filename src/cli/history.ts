import type { Evaluation } from '../core/engine';
import type { Locale } from '../core/i18n';
import { createFileStore, valueRecordsOf } from '../storage';
import { printProblems, type Io } from './output';

/** Appends an evaluation to the file history in `dir` (unchanged values are not stored again) and audits the run. */
export async function saveHistory(dir: string, ev: Evaluation, run: { actor: string; catalog: string; data: string }, io: Io, locale: Locale): Promise<void> {
  const store = await createFileStore(dir, { onWarning: (p) => printProblems(io, [p], locale) });
  try {
    const computedAt = new Date().toISOString();
    const saved = await store.saveValues(valueRecordsOf(ev, computedAt));
    await store.appendAudit({
      actor: run.actor,
      action: 'evaluate',
      target: run.catalog,
      new: { data: run.data, grain: ev.grain, periods: ev.periods.length, metrics: ev.metrics.length, changedValues: saved },
    });
    io.err(locale === 'zh-CN' ? `历史：${dir} 新增 ${saved} 个变化的值\n` : `history: ${saved} changed value(s) saved to ${dir}\n`);
  } finally {
    await store.close();
  }
}
