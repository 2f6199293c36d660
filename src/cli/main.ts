import { AppError, toAppError } from '../core/errors';
import { pickLocale, type Locale } from '../core/i18n';
import { alertCommand } from './alert-command';
import { auditCommand } from './audit-command';
import { catalogCommand } from './catalog-command';
import { evaluateCommand } from './evaluate-command';
import { detectCommand } from './detect-command';
import { fetchCommand } from './fetch-command';
import { runCommand } from './run';
import { processIo, type Io } from './output';
import { serveCommand } from './serve-command';

const HELP = `finpulse — financial metrics that track themselves

Usage:
  finpulse catalog validate FILE        check a metric catalog; lists every problem
  finpulse catalog schema               print the catalog's JSON Schema
  finpulse evaluate --catalog FILE --data FILE(.csv|.xlsx) [options]
      --sheet NAME        worksheet of an .xlsx (default: the first visible)
      --map MAPPING.json  column mapping (date, account, amount or debit/credit, dimensions)
      --grain G           day | week | month | quarter | year (default month)
      --from P --to P     periods, e.g. 2026-01 / 2026-Q1 / 2026
      --metrics a,b       only these metrics (and what they need)
      --breakdown DIM     also per member of a dimension (e.g. department)
      --source NAME=FILE  another source, e.g. budget=budget.csv
      --format F          table | json | csv (default table)
      --history DIR       append changed values to the history in DIR and audit the run
      --actor NAME        who ran it, for the audit log (default $USER)
  finpulse serve [--port 8787] [--db sqlite:FILE | postgres://…] [--admin-token-file FILE]
      shared catalog service on 127.0.0.1 (--host, --gateway-allow HOST[:PORT],…, --allow-origin URL)
  finpulse audit verify [--db …]        check the audit hash chain and every version history
  finpulse detect --input FILE.csv [options]   anomalies in a timestamp,value series (JSON points)
      --period N          seasonal period in rows (0: none; default: detected)
      --sensitivity S     0..100, higher flags more (default 50)
      --direction D       both | up | down (default both)
      --batch             judge each point with the whole series (default: earlier rows only)
      --format F          json | csv (default json)
  finpulse alert test --channel FILE.json [options]
                          send a sample alert through each channel in FILE; prints every attempt
      --secrets FILE.json {"name": "value"} for urlSecret, secret and smtp.passwordSecret
                          (else from FINPULSE_SECRET_<NAME>, e.g. FINPULSE_SECRET_WECOM_URL)
      --link URL          the link back shown in the sample
  finpulse fetch --source FILE.json [options]
                          fetch an ERP source (REST/JSON or OData) and print its observations
      --from D --to D     dates YYYY-MM-DD for the definition's {from} and {to}
      --since ISO         only changes after this watermark ({since}), with deletions
      --period P          a period key for {period}, e.g. 2026-11
      --format F          json | csv (default json)
      --secrets FILE.json {"NAME": "value"} for the secrets auth names (else FINPULSE_SECRET_<NAME>,
                          e.g. FINPULSE_SECRET_ERP_TOKEN); never put secrets in the definition
  finpulse run [--config finpulse.config.json] [options]
                          refresh sources, evaluate, detect, reconcile, alert; write marked
                          workbook copies, report.html and result.json (see README: finpulse run)
      --every D           run every D (30s, 15m, 1h, 1d) until Ctrl+C; one run at a time
      --fail-on S         notice | warning | critical (default: the config's failOn, else warning)
      --secrets FILE.json secrets by name (else FINPULSE_SECRET_<NAME>)
      --format F          text | json (json: the result alone on stdout)
      --quiet             only the summary and errors
      exit 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or config error,
      3 the run could not complete
  finpulse run ack --config FILE --finding ID --by NAME [--note TEXT]
                          acknowledge a finding of the last run (ID as in the report): its alerts
                          stay quiet until it gets more severe; exit 1 when the last run lacks ID
Global options:
  --lang zh-CN|en-US    language of messages (default from LANG)
  --help, --version

Exit codes: 0 ok, 1 invalid input (every problem is listed), 2 usage error.
`;

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: Io = processIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const args = [...argv];
  const langAt = args.indexOf('--lang');
  const locale: Locale = pickLocale(langAt >= 0 ? args.splice(langAt, 2)[1] : (env['FINPULSE_LANG'] ?? env['LANG']));
  const [command, ...rest] = args;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(HELP);
      return command ? 0 : 2;
    }
    if (command === '--version') {
      io.out('finpulse 0.1.0\n');
      return 0;
    }
    if (command === 'catalog') return await catalogCommand(rest, io, locale);
    if (command === 'evaluate') return await evaluateCommand(rest, io, locale, env);
    if (command === 'serve') return await serveCommand(rest, io, locale);
    if (command === 'audit') return await auditCommand(rest, io, locale);
    if (command === 'detect') return await detectCommand(rest, io, locale);
    if (command === 'fetch') return await fetchCommand(rest, io, locale, env);
    if (command === 'run') return await runCommand(rest, io, locale, env);
    if (command === 'alert') return await alertCommand(rest, io, locale, env);
    throw new AppError('cli.usage', { detail: `unknown command "${command}"; see finpulse --help` });
  } catch (err) {
    const e = toAppError(err);
    io.err(`finpulse: ${e.messageIn(locale)}\n`);
    if (e.code === 'internal' && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
    return e.code === 'cli.usage' ? 2 : 1;
  }
}
