/**
 * The exit code gates a close checklist: a run whose reconciliation could not be checked, or whose
 * workbook binding read nothing, must not pass as "nothing found".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoErp } from '../../src/demo-erp';
import type { RunResult } from '../../src/core/report';
import { cli } from '../cli-harness';
import { quietRun, type RunSetup } from './harness';

const readResult = (s: RunSetup): RunResult => JSON.parse(readFileSync(join(s.outDir, 'result.json'), 'utf8')) as RunResult;

describe('finpulse run when part of the check could not be done', () => {
  let erp: DemoErp;
  let s: RunSetup;

  beforeAll(async () => {
    ({ erp, s } = await quietRun({
      // The workbook alone: six months, too short a history for any finding, so only the gate speaks.
      sources: [],
      // A rule whose left side names a source the run does not load: the rule cannot be checked.
      reconciliations: [{ id: 'revenue-vs-nothing', name: { 'zh-CN': '收入对空', 'en-US': 'Revenue vs nothing' }, left: { source: 'nope', metric: 'revenue' }, right: { source: 'book', metric: 'revenue' }, tolerance: { absolute: 0.01 } }],
      failOn: 'critical',
    }));
  });
  afterAll(async () => {
    await erp.close();
  });

  it('exits 1, not 0, and the result says which rule was not checked', async () => {
    const run = await cli('run', '--config', s.config, '--quiet');
    const result = readResult(s);
    expect(result.counts.findings).toEqual({ notice: 0, warning: 0, critical: 0 });
    expect(result.reconciliations.map((r) => [r.ruleId, r.status])).toEqual([['revenue-vs-nothing', 'error']]);
    expect(result.problems.filter((p) => p.severity === 'error').map((p) => [p.path, p.code])).toEqual([['reconcile.revenue-vs-nothing', 'reconcile.sourceMissing']]);
    expect(result.exitCode).toBe(1);
    expect(run.code).toBe(1);
  });
});
