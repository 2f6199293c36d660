// Prints each page's initial JavaScript (what loads before the page can run) and the lazy chunks,
// raw and gzipped, after every production build: the pane's load budget stays visible.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);

class BundleSizesPlugin {
  apply(compiler) {
    compiler.hooks.done.tap('BundleSizesPlugin', (stats) => {
      const { compilation } = stats;
      if (compilation.errors.length) return;
      const size = (file) => {
        // After emit webpack keeps only sizes in memory: the emitted file is what a browser downloads.
        const bytes = readFileSync(join(compiler.outputPath, file));
        return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      };
      const lines = ['', 'Bundle sizes (JavaScript; gzip -9):', `${'page / chunk'.padEnd(34)}${'raw'.padStart(11)}${'gzip'.padStart(11)}`];
      const initial = new Set();
      for (const [name, entry] of compilation.entrypoints) {
        const files = entry.getFiles().filter((f) => f.endsWith('.js'));
        files.forEach((f) => initial.add(f));
        const total = files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
        lines.push(`${`${name} (initial: ${files.length} files)`.padEnd(34)}${kb(total.raw)}${kb(total.gzip)}`);
      }
      for (const chunk of compilation.chunks) {
        const files = [...chunk.files].filter((f) => f.endsWith('.js') && !initial.has(f));
        for (const f of files) {
          const s = size(f);
          lines.push(`${`  lazy: ${chunk.name ?? f}`.padEnd(34)}${kb(s.raw)}${kb(s.gzip)}`);
        }
      }
      console.log(lines.join('\n'));
    });
  }
}

module.exports = { BundleSizesPlugin };
