#!/usr/bin/env node
'use strict';
// The CLI is compiled by `npm run build:cli` (run automatically by `npm install` via `prepare`).
let main;
try {
  ({ main } = require('../dist/node/cli/main.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('finpulse: the CLI is not built yet. Run `npm run build:cli` first.\n');
    process.exit(2);
  }
  throw err;
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
