import { errorOf } from '../testing/error-of';
import { parseMetadata, propertiesOf } from './metadata';
import { odataLiteral, pushdownQuery, rowsQuery } from './query';
import type { ODataSource } from '../shape';

const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Aggregation.V1.xml">
    <edmx:Include Namespace="Org.OData.Aggregation.V1" Alias="Aggregation"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="Demo.Erp" Alias="Erp" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <!-- <EntitySet Name="Ghost" EntityType="Erp.Nothing"/> -->
      <EntityType Name="Line" Abstract="true"><Property Name="Id" Type="Edm.String" Nullable="false"/></EntityType>
      <EntityType Name="JournalLine" BaseType="Erp.Line">
        <Key><PropertyRef Name="Id"/></Key>
        <Property Name="PostingDate" Type="Edm.Date"/>
        <Property Name="PostingMonth" Type="Edm.String"/>
        <Property Name="Account" Type="Edm.String"/>
        <Property Name="Department" Type="Edm.String"/>
        <Property Name="Amount" Type="Edm.Decimal" Scale="2"/>
        <Property Name="ModifiedAt" Type="Edm.DateTimeOffset"/>
      </EntityType>
      <EntityContainer Name="Container">
        <EntitySet Name="JournalLines" EntityType="Erp.JournalLine"/>
        <Annotation Term="Aggregation.ApplySupported"><Record/></Annotation>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

const def: ODataSource = {
  id: 'gl', kind: 'odata', service: 'http://h/odata', entitySet: 'JournalLines',
  filter: [
    { field: 'PostingDate', op: 'ge', value: '{from}' },
    { field: 'Account', op: 'startswith', value: "60' or 1 eq 1" },
    { field: 'ModifiedAt', op: 'gt', value: '{since}' },
  ],
  fields: { date: 'PostingDate', amount: 'Amount', account: 'Account', dimensions: { department: 'Department' }, key: 'Id' },
  pushdown: { monthField: 'PostingMonth' },
};

describe('OData', () => {
  const meta = parseMetadata(CSDL);
  const props = propertiesOf(meta, 'JournalLines')!;

  it('reads entity sets, inherited properties and ApplySupported through its alias', () => {
    expect([...meta.entitySets]).toEqual([['JournalLines', 'Demo.Erp.JournalLine']]);
    expect(props.get('Id')).toBe('Edm.String');
    expect(props.get('Amount')).toBe('Edm.Decimal');
    expect(meta.applySupported).toBe(true);
    expect(parseMetadata(CSDL.replace('Aggregation.ApplySupported', 'Core.Description')).applySupported).toBe(false);
    expect(propertiesOf(meta, 'Nope')).toBeUndefined();
  });

  it('writes literals by type so a value cannot break out of its place', () => {
    expect(odataLiteral("O'Brien", 'Edm.String')).toBe("'O''Brien'");
    expect(odataLiteral('2026-01-31', 'Edm.Date')).toBe('2026-01-31');
    expect(odataLiteral('2026-01-31 or true', 'Edm.Date')).toBeUndefined();
    expect(odataLiteral('2026-11-20T08:00:00.000Z', 'Edm.DateTimeOffset')).toBe('2026-11-20T08:00:00.000Z');
    expect(odataLiteral('12.50', 'Edm.Decimal')).toBe('12.50');
    expect(odataLiteral('1) or (1', 'Edm.Int32')).toBeUndefined();
  });

  it('selects the mapped properties and filters with the placeholders it has', () => {
    const q = rowsQuery(def, props, { from: '2026-01-01' });
    expect(q.params).toEqual([
      ['$select', 'PostingDate,Amount,Account,Department,Id'],
      ['$filter', "PostingDate ge 2026-01-01 and startswith(Account,'60'' or 1 eq 1')"],
    ]);
    expect(errorOf(() => rowsQuery(def, props, { from: 'yesterday' }))).toMatchObject({ code: 'source.badLiteral', meta: { field: 'PostingDate', type: 'Edm.Date', value: 'yesterday' } });
  });

  it('pushes aggregation down as groupby over account, dimensions and month', () => {
    const q = pushdownQuery(def, props, { from: '2026-01-01', since: '2026-02-01T00:00:00Z' }, 'PostingMonth');
    expect(q.params).toEqual([[
      '$apply',
      "filter(PostingDate ge 2026-01-01 and startswith(Account,'60'' or 1 eq 1') and ModifiedAt gt 2026-02-01T00:00:00Z)/groupby((Account,Department,PostingMonth),aggregate(Amount with sum as Amount))",
    ]]);
    expect(q.fields.date).toEqual({ path: 'PostingMonth', type: 'date' });
    expect(q.fields.key).toBeUndefined();
  });

  it('names a property the service does not have, with the ones it has', () => {
    const renamed = { ...def, fields: { ...def.fields, amount: 'Amt' } };
    expect(errorOf(() => rowsQuery(renamed, props, {}))).toMatchObject({ code: 'source.unknownProperty', meta: { property: 'Amt', where: 'fields.amount' } });
  });
});
