import { AppError } from '../core/errors';
import { localize, type Locale } from '../core/i18n';
import { DEFAULT_DB, openRepository, verifyStorage } from '../server';
import { parseFlags, stringFlag } from './args';
import { printProblems, type Io } from './output';

/** `finpulse audit verify`: recomputes the audit hash chain and checks every definition's history. */
export async function auditCommand(argv: string[], io: Io, locale: Locale): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') throw new AppError('cli.usage', { detail: 'use `finpulse audit verify [--db sqlite:FILE | postgres://…]`' });
  const { flags } = parseFlags(rest, { db: 'string' });
  const repo = await openRepository(stringFlag(flags, 'db') ?? DEFAULT_DB);
  try {
    const report = await verifyStorage(repo);
    printProblems(io, report.problems, locale);
    if (!report.ok) {
      io.err(`${localize('server.audit.broken', { count: report.problems.length })[locale]}\n`);
      return 1;
    }
    io.out(`${localize('server.audit.ok', { count: report.audit.count, hash: report.audit.head })[locale]}\n`);
    io.out(`${localize('server.versions.ok', { entries: report.versions.entries, versions: report.versions.versions })[locale]}\n`);
    return 0;
  } finally {
    await repo.close();
  }
}
