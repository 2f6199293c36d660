/**
 * `npm run bench:anomaly`: FinPulse's anomaly detector on NAB (NAB scoring, three profiles, beside
 * the published scoreboard), on the Microsoft cloud-monitoring labels (precision, recall, F1, false
 * alarms on clean series), and its throughput on 10,000 series × 60 points. Reads the benchmarks
 * from ../shared beside the repository; prints tables and never fails the build on a score.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderTable } from '../../src/cli/output';
import { f1, runCloud, type Counts } from './cloud';
import { PROFILES } from './nab-data';
import { runNab, type NabRun } from './nab';
import { runThroughput } from './throughput';

const SHARED = resolve(__dirname, '../../../shared/benchmarks');
const NAB_DIR = resolve(SHARED, 'nab');
const CLOUD_DIR = resolve(SHARED, 'ms-cloud-monitoring');

const fixed = (x: number, d = 1): string => x.toFixed(d);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function printNab(run: NabRun): void {
  console.log(`\n== NAB: ${run.files} files, ${run.windows} windows, ${run.rows.toLocaleString('en-US')} rows, scored in ${fixed(run.ms, 0)} ms (streaming, no look-ahead)`);
  const ours = (kind: 'swept' | 'own'): string[] => PROFILES.map((p) => fixed(run.results[p]![kind].score, 2));
  const rows: string[][] = [
    ['FinPulse (NAB threshold sweep)', ...ours('swept')],
    ['FinPulse (own threshold, score ≥ 0.5)', ...ours('own')],
    ...Object.entries(run.scoreboard)
      .sort(([, a], [, b]) => (b['standard'] ?? 0) - (a['standard'] ?? 0))
      .map(([det, s]) => [`  ${det}`, ...PROFILES.map((p) => fixed(s[p] ?? NaN, 2))]),
  ];
  console.log(renderTable(['detector (subset_scoreboard.json)', 'standard', 'reward_low_FP', 'reward_low_FN'], rows));
  const detail = PROFILES.map((p) => {
    const r = run.results[p]!;
    return [p, fixed(r.swept.threshold, 4), `${r.swept.detected}/${run.windows}`, String(r.swept.falseAlarms), `${r.own.detected}/${run.windows}`, String(r.own.falseAlarms)];
  });
  console.log(renderTable(['profile', 'swept threshold', 'windows found', 'alarms outside', 'found at 0.5', 'outside at 0.5'], detail));
  const categories = run.categories.map((c) => [c.category, String(c.files), `${c.detected}/${c.windows}`, String(c.falseAlarms), fixed(c.raw, 2)]);
  console.log(renderTable(['category (standard, swept threshold)', 'files', 'windows found', 'alarms outside', 'raw score'], categories));
  const c = run.checks;
  console.log('Scorer checks:');
  console.log(`  windows and probation: ${c.placementMatches}/${run.files} files have exactly the published null detector's scored rows in and out of windows`);
  console.log(`  normalisation: ${c.rescored} published detector/profile scores rescored from per-file raw scores; worst gap ${c.worstRescoreGap.gap.toFixed(4)} (${c.worstRescoreGap.detector}, ${c.worstRescoreGap.profile})`);
  console.log(`  null detector ${fixed(c.nullScore, 2)}, perfect detector ${fixed(c.perfectScore, 2)} (expected 0 and 100)`);
}

function countsRow(name: string, c: Counts): string[] {
  const m = f1(c);
  return [name, String(c.series), pct(m.precision), pct(m.recall), fixed(m.f1, 3), `${c.eventsFound}/${c.events}`, pct(m.eventRecall), String(c.alarmRuns)];
}

function printCloud(): void {
  const run = runCloud(CLOUD_DIR);
  console.log(`\n== Microsoft cloud monitoring: point labels, streaming detector at sensitivity 50 (${fixed(run.ms, 0)} ms)`);
  console.log('   direction "up" for crash rates and the e-commerce API (their labels mark increases only), "both" elsewhere');
  const header = ['series', 'n', 'precision', 'recall', 'F1', 'events found', 'event recall', 'alarm runs'];
  const rows = [...run.byDomain].map(([d, c]) => countsRow(`  ${d}`, c));
  rows.push(countsRow('all labelled series', run.labelled), countsRow('business slice (purchases, e-commerce)', run.business));
  console.log(renderTable(header, rows));
  const clean = run.clean.map((s) => [s.name, String(s.points), String(s.falseAlarms), String(s.alarmRuns)]);
  const total = run.clean.reduce((a, s) => ({ points: a.points + s.points, fa: a.fa + s.falseAlarms, runs: a.runs + s.alarmRuns }), { points: 0, fa: 0, runs: 0 });
  clean.push(['all anomaly-free series', String(total.points), String(total.fa), String(total.runs)]);
  console.log(renderTable(['anomaly-free series', 'points', 'false alarms', 'alarm runs'], clean));
}

function printThroughput(): void {
  const t = runThroughput();
  console.log(`\n== Throughput: ${t.series.toLocaleString('en-US')} series × ${t.points / t.series} points (${t.points.toLocaleString('en-US')} points), season 12 tried`);
  console.log(renderTable(['run', 'time', 'points/s'], [
    ['cold (first run)', `${fixed(t.coldMs, 0)} ms`, Math.round(t.points / (t.coldMs / 1000)).toLocaleString('en-US')],
    ['warm (best of 3)', `${fixed(t.warmMs, 0)} ms`, Math.round(t.points / (t.warmMs / 1000)).toLocaleString('en-US')],
  ]));
  console.log(`target ≤ 1 s: ${t.warmMs <= 1000 ? 'met' : 'NOT met'}; ${t.anomalies} anomalies flagged`);
}

function main(): void {
  if (existsSync(NAB_DIR)) printNab(runNab(NAB_DIR));
  else console.log(`NAB skipped: ${NAB_DIR} not found`);
  if (existsSync(CLOUD_DIR)) printCloud();
  else console.log(`cloud monitoring skipped: ${CLOUD_DIR} not found`);
  printThroughput();
}

main();
