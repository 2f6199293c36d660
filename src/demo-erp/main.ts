/**
 * `npm run erp:demo`: the demo ERP on 127.0.0.1 until Ctrl+C. Prints where it listens and the demo
 * credentials. Exit codes: 1 when it cannot listen, 2 for a usage error.
 */
import { toAppError } from '../core/errors';
import { pickLocale } from '../core/i18n';
import { parseCliArgs, USAGE } from './cli-args';
import { CREDENTIALS, startDemoErp, type DemoErp } from './index';

async function main(argv: readonly string[]): Promise<number | null> {
  const locale = pickLocale(process.env['FINPULSE_LANG'] ?? process.env['LANG']);
  let erp: DemoErp;
  try {
    const options = parseCliArgs(argv);
    if (options === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    erp = await startDemoErp(options);
  } catch (err) {
    const e = toAppError(err);
    const code = (err as { code?: unknown }).code;
    const hint = code === 'EADDRINUSE' ? ' (the port is in use: stop the other server or pass --port 0)' : '';
    process.stderr.write(`demo ERP: ${e.messageIn(locale)}${hint}\n`);
    return e.code === 'cli.usage' ? 2 : 1;
  }
  const { seed, journalLines, months, firstMonth } = erp.data.options;
  const c = CREDENTIALS;
  process.stdout.write(
    [
      `FinPulse demo ERP on ${erp.url} — seed ${seed}, ${journalLines} journal lines, ${months} months from ${firstMonth}`,
      `  REST   ${erp.url}/api/page/gl   (also /api/offset, /api/cursor, /api/link, POST /api/query)`,
      `  OData  ${erp.url}/odata/        health ${erp.url}/health`,
      `  credentials: Bearer ${c.bearerToken} | Basic ${c.basicUser}:${c.basicPassword} | X-API-Key ${c.apiKey} | OAuth2 ${c.clientId} / ${c.clientSecret}`,
      '  Ctrl+C to stop',
      '',
    ].join('\n'),
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      erp.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  return null;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`demo ERP: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
