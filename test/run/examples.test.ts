import { join, relative } from 'node:path';
import { loadRunConfig } from '../../src/cli/run';
import { memorySecretStore } from '../../src/core/secrets';

describe('examples/run', () => {
  it('is a valid run config: catalog, ERP source, workbook bindings, rules, channels and reconciliations', async () => {
    const { plan, problems } = await loadRunConfig(join(__dirname, '../../examples/run/finpulse.config.json'), { secrets: memorySecretStore({}), fetch: globalThis.fetch });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan!.sources.map((s) => s.id)).toEqual(['ledger']);
    expect(plan!.workbooks[0]!.bindings.map((b) => b.source)).toEqual(['book']);
    expect(plan!.workbooks[0]!.copy).toMatch(/\.finpulse[/\\]out[/\\]close\.finpulse\.xlsx$/);
    expect(plan!.rules.map((r) => r.channels)).toEqual([['close-hook'], ['close-hook']]);
    expect(plan!.reconciliations.map((r) => r.id)).toEqual(['revenue-book-vs-erp']);
  });

  it('resolves the files a config names against its folder when the config is given relative to the working folder', async () => {
    // As the README runs it: `--config examples/run/finpulse.config.json` from the repository root.
    const given = relative(process.cwd(), join(__dirname, '../../examples/run/finpulse.config.json'));
    const { plan, problems } = await loadRunConfig(given, { secrets: memorySecretStore({}), fetch: globalThis.fetch });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan!.configPath).toBe(join(__dirname, '../../examples/run/finpulse.config.json'));
    expect(plan!.workbooks[0]!.path).toBe(join(__dirname, '../../examples/run/close.xlsx'));
  });
});
