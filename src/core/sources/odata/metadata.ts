/**
 * Just enough of an OData v4 CSDL ($metadata) reader: entity sets, the properties and types of
 * their entity types (following BaseType), and whether the service declares
 * Org.OData.Aggregation.V1.ApplySupported — directly or through an alias of that vocabulary.
 */
export interface ServiceMetadata {
  /** Entity set name → qualified entity type name. */
  entitySets: Map<string, string>;
  /** Qualified entity type name → its own properties (name → Edm type) and base type. */
  entityTypes: Map<string, { properties: Map<string, string>; baseType?: string }>;
  applySupported: boolean;
}

const APPLY_SUPPORTED = 'Org.OData.Aggregation.V1.ApplySupported';
const TAG = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const localName = (tag: string): string => tag.slice(tag.indexOf(':') + 1);
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTR)) out.set(m[1]!, decode(m[2] ?? m[3] ?? ''));
  return out;
}

export function parseMetadata(xml: string): ServiceMetadata {
  const meta: ServiceMetadata = { entitySets: new Map(), entityTypes: new Map(), applySupported: false };
  const aliases = new Map<string, string>();
  const terms: string[] = [];
  let namespace = '';
  let currentType: { properties: Map<string, string>; baseType?: string } | undefined;
  for (const m of xml.matchAll(TAG)) {
    const [, closing, rawName, attrText = '', selfClosing] = m;
    if (rawName === undefined) continue; // comment or processing instruction
    const name = localName(rawName);
    if (closing) {
      if (name === 'EntityType') currentType = undefined;
      continue;
    }
    const a = attributes(attrText);
    if (name === 'Include' || name === 'Schema') {
      const ns = a.get('Namespace') ?? '';
      if (name === 'Schema') namespace = ns;
      const alias = a.get('Alias');
      if (alias) aliases.set(alias, ns);
    } else if (name === 'EntityType') {
      currentType = { properties: new Map(), baseType: a.get('BaseType') };
      meta.entityTypes.set(`${namespace}.${a.get('Name') ?? ''}`, currentType);
      if (selfClosing) currentType = undefined;
    } else if (name === 'Property' && currentType) {
      currentType.properties.set(a.get('Name') ?? '', a.get('Type') ?? 'Edm.String');
    } else if (name === 'EntitySet') {
      meta.entitySets.set(a.get('Name') ?? '', a.get('EntityType') ?? '');
    } else if (name === 'Annotation') {
      terms.push(a.get('Term') ?? '');
    }
  }
  const qualify = (n: string): string => {
    const dot = n.lastIndexOf('.');
    return dot < 0 ? n : `${aliases.get(n.slice(0, dot)) ?? n.slice(0, dot)}${n.slice(dot)}`;
  };
  meta.applySupported = terms.some((t) => qualify(t) === APPLY_SUPPORTED);
  // Entity set types may be written with a schema alias; store them fully qualified.
  for (const [set, type] of meta.entitySets) meta.entitySets.set(set, qualify(type));
  for (const t of meta.entityTypes.values()) if (t.baseType) t.baseType = qualify(t.baseType);
  return meta;
}

/** Properties of an entity set's type, inherited ones included; undefined when the set is unknown. */
export function propertiesOf(meta: ServiceMetadata, entitySet: string): Map<string, string> | undefined {
  let typeName = meta.entitySets.get(entitySet);
  if (typeName === undefined) return undefined;
  const props = new Map<string, string>();
  const visited = new Set<string>();
  while (typeName && !visited.has(typeName)) {
    visited.add(typeName);
    const t = meta.entityTypes.get(typeName);
    if (!t) break;
    for (const [k, v] of t.properties) if (!props.has(k)) props.set(k, v);
    typeName = t.baseType;
  }
  return props;
}
