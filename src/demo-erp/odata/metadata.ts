import { escapeHtml } from '../../core/encoding';
import { ENTITY_SETS, type EntitySet, type Property } from './schema';

export const NAMESPACE = 'FinPulse.DemoErp';
const AGGREGATION_VOCABULARY = 'https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Aggregation.V1.xml';

function propertyXml(p: Property): string {
  const facets = p.edm === 'Edm.Decimal' ? ' Precision="19" Scale="2"' : p.edm === 'Edm.DateTimeOffset' ? ' Precision="3"' : '';
  return `<Property Name="${escapeHtml(p.name)}" Type="${p.edm}" Nullable="${p.nullable}"${facets}/>`;
}

function entityTypeXml(set: EntitySet): string {
  return [`<EntityType Name="${set.typeName}">`, '<Key><PropertyRef Name="Id"/></Key>', ...set.properties.map(propertyXml), '</EntityType>'].join('\n');
}

/**
 * The CSDL (EDMX 4.0) document: one entity type per dataset, keyed by `Id`, and the container
 * annotated `ApplySupported` so clients know they may push `$apply` aggregation down.
 */
export const METADATA_XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">',
  `<edmx:Reference Uri="${AGGREGATION_VOCABULARY}"><edmx:Include Namespace="Org.OData.Aggregation.V1" Alias="Aggregation"/></edmx:Reference>`,
  '<edmx:DataServices>',
  `<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="${NAMESPACE}">`,
  ...ENTITY_SETS.map(entityTypeXml),
  '<EntityContainer Name="Container">',
  ...ENTITY_SETS.map((s) => `<EntitySet Name="${s.name}" EntityType="${NAMESPACE}.${s.typeName}"/>`),
  '<Annotation Term="Org.OData.Aggregation.V1.ApplySupported">',
  '<Record>',
  '<PropertyValue Property="Transformations"><Collection><String>filter</String><String>groupby</String><String>aggregate</String></Collection></PropertyValue>',
  '<PropertyValue Property="GroupByProperties"><Collection/></PropertyValue>',
  '</Record>',
  '</Annotation>',
  '</EntityContainer>',
  '</Schema>',
  '</edmx:DataServices>',
  '</edmx:Edmx>',
  '',
].join('\n');

/** The service document: every entity set and its URL. */
export function serviceDocument(base: string): unknown {
  return {
    '@odata.context': `${base}/odata/$metadata`,
    value: ENTITY_SETS.map((s) => ({ name: s.name, kind: 'EntitySet', url: s.name })),
  };
}
