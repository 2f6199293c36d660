import { inflateRawSync } from 'node:zlib';
import { DEFLATED, STORED, zipEntries, zipEntryData, type ZipEntry } from './zip-entries';
import type { PackageReader } from './package-facts';

export { zipEntries, type ZipEntry };

/** The text of one entry (stored or deflated), or undefined when it cannot be read. Node only. */
export function zipText(buf: Buffer, entry: ZipEntry): string | undefined {
  const data = zipEntryData(buf, entry);
  if (!data) return undefined;
  try {
    if (entry.method === STORED) return Buffer.from(data).toString('utf8');
    if (entry.method === DEFLATED) return inflateRawSync(data).toString('utf8');
  } catch {
    return undefined;
  }
  return undefined;
}

/** The package's parts, read synchronously with node:zlib (the CLI's path). */
export function nodePackageReader(buf: Buffer): PackageReader | undefined {
  const entries = zipEntries(buf);
  if (!entries) return undefined;
  return {
    names: [...entries.keys()],
    text: (name) => {
      const entry = entries.get(name);
      return (entry && zipText(buf, entry)) ?? '';
    },
  };
}
