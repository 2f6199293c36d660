/** What the adapter reads from the .xlsx package itself, where ExcelJS loses or hides it. */
export interface PackageFacts {
  /**
   * Custom number formats as ExcelJS reports them (it drops every backslash: `yyyy\E` becomes
   * `yyyyE`) → the code as written in the file, so reads agree with Excel and the copy keeps it.
   */
  formats: Map<string, string>;
  /** Theme colours `RRGGBB` by Excel's theme index (lt1, dk1, lt2, dk2, accent1…6, hlink, folHlink). */
  theme: string[];
  /** What the source holds that ExcelJS does not write back, so the saved copy lacks it. */
  notKept: NotKept[];
}

export type NotKept = 'charts' | 'pivotTables' | 'slicers' | 'externalLinks' | 'macros' | 'threadedComments' | 'dataModel' | 'customXml';

const NOT_KEPT: ReadonlyArray<[NotKept, RegExp]> = [
  ['charts', /^xl\/charts\//],
  ['pivotTables', /^xl\/pivot(Tables|Cache)\//],
  ['slicers', /^xl\/slicer/],
  ['externalLinks', /^xl\/externalLinks\//],
  ['macros', /^xl\/vbaProject\.bin$/],
  ['threadedComments', /^xl\/threadedComments\//],
  ['dataModel', /^xl\/model\//],
  ['customXml', /^customXml\//],
];

/** Excel's theme index order differs from the order of the elements in the theme part. */
const THEME_SLOTS = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];

/** The parts of a package by name; `text` gives '' for a part that is missing or unreadable. */
export interface PackageReader {
  names: readonly string[];
  text(name: string): string;
}

/** The parts whose text the facts need (a reader that inflates ahead of time reads just these). */
export const FACT_PARTS = ['xl/styles.xml', 'xl/theme/theme1.xml'] as const;

export const noFacts = (): PackageFacts => ({ formats: new Map(), theme: [], notKept: [] });

/** Best effort: a part that cannot be read leaves its fact empty, never fails the open. */
export function readPackageFacts(zip: PackageReader | undefined): PackageFacts {
  if (!zip) return noFacts();
  const [styles, theme] = FACT_PARTS;
  return {
    formats: formatCodes(zip.text(styles)),
    theme: themeColours(zip.text(theme)),
    notKept: NOT_KEPT.filter(([, re]) => zip.names.some((n) => re.test(n))).map(([kind]) => kind),
  };
}

function formatCodes(styles: string): Map<string, string> {
  const out = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const [tag] of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const raw = attribute(tag, 'formatCode');
    if (raw === undefined || !raw.includes('\\')) continue;
    const stripped = raw.replace(/\\(.)/g, '$1');
    if (out.has(stripped) && out.get(stripped) !== raw) ambiguous.add(stripped);
    out.set(stripped, raw);
  }
  for (const a of ambiguous) out.delete(a);
  return out;
}

function themeColours(theme: string): string[] {
  return THEME_SLOTS.map((slot) => {
    const body = new RegExp(`<(?:\\w+:)?${slot}>([\\s\\S]*?)</(?:\\w+:)?${slot}>`).exec(theme)?.[1] ?? '';
    const srgb = /<(?:\w+:)?srgbClr\b[^>]*>/.exec(body)?.[0];
    const sys = /<(?:\w+:)?sysClr\b[^>]*>/.exec(body)?.[0];
    const hex = (srgb && attribute(srgb, 'val')) ?? (sys && attribute(sys, 'lastClr'));
    return hex && /^[0-9A-Fa-f]{6}$/.test(hex) ? hex.toUpperCase() : '';
  });
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|quot|apos|lt|gt|amp);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' }[e] ?? '';
  });
}
