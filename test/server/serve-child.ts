// Runs `finpulse serve` with the given flags as its own process, for the crash test.
import { serveCommand } from '../../src/cli/serve-command';
import { processIo } from '../../src/cli/output';

serveCommand(process.argv.slice(2), processIo, 'en-US').then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
