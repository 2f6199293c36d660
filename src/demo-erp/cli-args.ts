import { parseArgs } from 'node:util';
import { AppError } from '../core/errors';
import { DEFAULTS, type DemoErpOptions } from './options';

/** The port `npm run erp:demo` listens on unless told otherwise (in-process the default is a free port). */
export const CLI_PORT = 4010;

export const USAGE = `Usage: npm run erp:demo -- [options]
  --port N          port on 127.0.0.1 (default ${CLI_PORT}; 0 picks a free one)
  --seed N          data seed (default ${DEFAULTS.seed}); the same seed serves the same bytes
  --lines N         journal lines (default ${DEFAULTS.journalLines}; at least 600 per month)
  --months N        months of data, 12 to 120 (default ${DEFAULTS.months})
  --first-month M   first month, e.g. ${DEFAULTS.firstMonth}
  --help
`;

const WHOLE = /^\d+$/;

/** Reads the command line into options, or throws an AppError (`cli.usage`) naming every bad flag. */
export function parseCliArgs(argv: readonly string[]): DemoErpOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, seed: { type: 'string' }, lines: { type: 'string' }, months: { type: 'string' }, 'first-month': { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new AppError('cli.usage', { detail: `${err instanceof Error ? err.message : String(err)}\n${USAGE}` });
  }
  if (values['help'] === true) return 'help';
  const problems: string[] = [];
  const whole = (flag: string): number | undefined => {
    const v = values[flag];
    if (typeof v !== 'string') return undefined;
    if (WHOLE.test(v)) return Number(v);
    problems.push(`--${flag} must be a whole number, got "${v}"`);
    return undefined;
  };
  const options: DemoErpOptions = { port: whole('port') ?? CLI_PORT };
  const seed = whole('seed');
  const lines = whole('lines');
  const months = whole('months');
  const firstMonth = values['first-month'];
  if (seed !== undefined) options.seed = seed;
  if (lines !== undefined) options.journalLines = lines;
  if (months !== undefined) options.months = months;
  if (typeof firstMonth === 'string') options.firstMonth = firstMonth;
  if (problems.length > 0) throw new AppError('cli.usage', { detail: `${problems.join('; ')}\n${USAGE}` });
  return options;
}
