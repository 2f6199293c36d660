import { catalogJsonSchema, parseCatalog } from '../core/catalog';
import type { Locale } from '../core/i18n';
import { parseFlags } from './args';
import { printProblems, type Io } from './output';
import { readText } from './read-data';
import { AppError } from '../core/errors';

/** `finpulse catalog validate FILE` and `finpulse catalog schema`. */
export async function catalogCommand(argv: string[], io: Io, locale: Locale): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'schema') {
    io.out(`${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
    return 0;
  }
  if (sub !== 'validate') throw new AppError('cli.usage', { detail: 'use `finpulse catalog validate FILE` or `finpulse catalog schema`' });
  const { positionals } = parseFlags(rest, {});
  const [file] = positionals;
  if (!file) throw new AppError('cli.usage', { detail: 'finpulse catalog validate FILE' });
  const { catalog, problems } = parseCatalog(await readText(file));
  printProblems(io, problems, locale, `${file}: `);
  if (!catalog) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    io.err(locale === 'zh-CN' ? `${file}：发现 ${errors} 个错误\n` : `${file}: ${errors} error(s)\n`);
    return 1;
  }
  io.out(locale === 'zh-CN' ? `${file}：有效，${catalog.metrics.length} 个指标\n` : `${file}: valid, ${catalog.metrics.length} metrics\n`);
  return 0;
}
