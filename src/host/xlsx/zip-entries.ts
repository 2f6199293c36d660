/** One file inside a zip archive, from its central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
  /** Where the entry's central directory record starts. */
  centralOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const utf8 = new TextDecoder();

/**
 * The entries of a zip (an .xlsx package), read from the central directory; undefined when the
 * bytes are not a zip this reader understands (e.g. zip64). Plain Uint8Array and DataView, so the
 * CLI (a Buffer is a Uint8Array) and the browser workbench share it.
 */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> | undefined {
  const dv = view(bytes);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (dv.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = dv.getUint16(end + 10, true);
  let at = dv.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL) return undefined;
    const nameLength = dv.getUint16(at + 28, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      method: dv.getUint16(at + 10, true),
      compressedSize: dv.getUint32(at + 20, true),
      localOffset: dv.getUint32(at + 42, true),
      centralOffset: at,
    });
    at += 46 + nameLength + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
  }
  return entries;
}

/** The stored bytes of one entry (still compressed when method is 8), or undefined when out of bounds. */
export function zipEntryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const dv = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL) return undefined;
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Zip's methods: 0 stored, 8 deflated; nothing else appears in Office packages. */
export const STORED = 0;
export const DEFLATED = 8;

/**
 * Sets every entry's modification time to the zip epoch (1980-01-01 00:00) in place, so a package
 * written twice from the same content has the same bytes (the demo workbook is committed).
 */
export function clearZipTimes(bytes: Uint8Array): void {
  const entries = zipEntries(bytes);
  if (!entries) throw new Error('not a zip archive');
  const dv = view(bytes);
  const DOS_EPOCH_DATE = (0 << 9) | (1 << 5) | 1;
  for (const entry of entries.values()) {
    // Time and date sit at offset 10 of the local header and 12 of the central record.
    for (const timeAt of [entry.localOffset + 10, entry.centralOffset + 12]) {
      dv.setUint16(timeAt, 0, true);
      dv.setUint16(timeAt + 2, DOS_EPOCH_DATE, true);
    }
  }
}
