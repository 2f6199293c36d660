import type { RegistryState } from '../mark-registry';
import { COMMAND_BYTES, type Batch } from './batch';
import { officeCode } from './errors';
import type { XlCustomXmlPart, XlRun } from './office-types';
import type { SettingsStore } from './settings';

export const MARKS_NAMESPACE = 'urn:finpulse:marks:1';
const PARTS_KEY = 'finpulse.marksParts';
const MARKS_KEY = 'finpulse.marks';
/** Characters of registry JSON per XML part: a part is written in one command, which must fit a request. */
const CHUNK_CHARS = 500_000;

const empty = (): RegistryState => ({ marks: [], originals: {} });

/** Where the mark registry lives in the workbook, so reopening (or another machine) restores marks exactly. */
export interface RegistryStore {
  load(run: XlRun): Promise<RegistryState>;
  /** Queues writing `state` on the batch; call the returned commit after the batch synced. */
  queueSave(batch: Batch, state: RegistryState): Promise<() => Promise<void>>;
}

function isState(v: unknown): v is RegistryState {
  return v !== null && typeof v === 'object' && Array.isArray((v as RegistryState).marks) && typeof (v as RegistryState).originals === 'object';
}

/** UTF-8 size: what the request really carries (CJK notes are 3 bytes a character). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|#x[0-9a-f]+|#\d+|amp);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

/** The registry JSON cut into XML documents; never between the halves of a surrogate pair. */
export function encodeParts(state: RegistryState): string[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; ) {
    let end = Math.min(json.length, i + CHUNK_CHARS);
    if (end < json.length && /[\uD800-\uDBFF]/.test(json[end - 1]!)) end -= 1;
    chunks.push(json.slice(i, end));
    i = end;
  }
  return chunks.map((c, i) => `<marks xmlns="${MARKS_NAMESPACE}" part="${i}" of="${chunks.length}">${escapeXml(c)}</marks>`);
}

export function decodeParts(xmls: readonly string[]): RegistryState {
  const pieces = xmls.map((xml) => {
    const m = /<marks\b[^>]*\bpart="(\d+)"[^>]*>([\s\S]*)<\/marks>/.exec(xml);
    return { seq: m ? Number(m[1]) : 0, text: m ? unescapeXml(m[2]!) : '' };
  });
  pieces.sort((a, b) => a.seq - b.seq);
  try {
    const state: unknown = JSON.parse(pieces.map((p) => p.text).join(''));
    return isState(state) ? state : empty();
  } catch {
    return empty(); // a damaged registry must not block marking; the cells keep whatever they show
  }
}

/**
 * In custom XML parts (ExcelApi 1.5): ids kept in settings for a one-sync load, the namespace as a
 * fallback when settings were lost. Cached after the first load, so marking costs no extra sync;
 * a second FinPulse instance marking the same workbook at the same time is not reconciled.
 */
export class XmlPartRegistryStore implements RegistryStore {
  private cache: { state: RegistryState; ids: string[] } | undefined;

  constructor(private readonly settings: SettingsStore) {}

  async load(run: XlRun): Promise<RegistryState> {
    this.cache ??= (await this.byIds(run)) ?? (await this.byNamespace(run));
    return structuredClone(this.cache.state);
  }

  private async byIds(run: XlRun): Promise<{ state: RegistryState; ids: string[] } | undefined> {
    const stored = this.settings.get(PARTS_KEY);
    const ids = Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : [];
    if (!ids.length) return undefined;
    try {
      return await run(async (ctx) => {
        const xmls = ids.map((id) => ctx.workbook.customXmlParts.getItem(id).getXml());
        await ctx.sync();
        return { state: decodeParts(xmls.map((x) => x.value)), ids };
      });
    } catch (err) {
      if (officeCode(err) === 'ItemNotFound') return undefined; // settings point at parts that are gone
      throw err;
    }
  }

  private byNamespace(run: XlRun): Promise<{ state: RegistryState; ids: string[] }> {
    return run(async (ctx) => {
      const scoped = ctx.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE);
      scoped.load('items/id');
      await ctx.sync();
      if (!scoped.items.length) return { state: empty(), ids: [] };
      const xmls = scoped.items.map((p) => p.getXml());
      await ctx.sync();
      return { state: decodeParts(xmls.map((x) => x.value)), ids: scoped.items.map((p) => p.id) };
    });
  }

  async queueSave(batch: Batch, state: RegistryState): Promise<() => Promise<void>> {
    const parts = batch.context.workbook.customXmlParts;
    const old = this.cache?.ids ?? [];
    const xmls = encodeParts(state);
    const kept: string[] = [];
    const added: XlCustomXmlPart[] = [];
    for (const [i, xml] of xmls.entries()) {
      await batch.room(utf8Bytes(JSON.stringify(xml)) + COMMAND_BYTES); // sent as a JSON string: quotes escaped
      if (i < old.length) {
        parts.getItem(old[i]!).setXml(xml);
        kept.push(old[i]!);
      } else {
        const part = parts.add(xml);
        part.load('id');
        added.push(part);
      }
    }
    for (const id of old.slice(xmls.length)) {
      await batch.room(COMMAND_BYTES);
      parts.getItem(id).delete();
    }
    return async () => {
      const ids = [...kept, ...added.map((p) => p.id)];
      this.cache = { state: structuredClone(state), ids };
      if (JSON.stringify(this.settings.get(PARTS_KEY) ?? []) === JSON.stringify(ids)) return;
      this.settings.set(PARTS_KEY, ids);
      await this.settings.save();
    };
  }
}

/** Without custom XML parts: in the document settings (Office caps them near 2 MB). */
export class SettingsRegistryStore implements RegistryStore {
  constructor(private readonly settings: SettingsStore) {}

  load(): Promise<RegistryState> {
    const v = this.settings.get(MARKS_KEY);
    return Promise.resolve(isState(v) ? structuredClone(v) : empty());
  }

  queueSave(_batch: Batch, state: RegistryState): Promise<() => Promise<void>> {
    return Promise.resolve(async () => {
      this.settings.set(MARKS_KEY, state);
      await this.settings.save();
    });
  }
}
