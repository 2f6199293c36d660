// The finpulse command as its own process, straight from the sources (tests spawn it with tsx).
import { main } from '../../src/cli/main';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
