import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalog, MetricDef } from '../../core/catalog';
import { formatValue, unitLabel } from '../../core/format';
import { type Locale, fillPlaceholders } from '../../core/i18n';
import { lineageOf } from '../../core/lineage';
import { CATALOG_STRINGS as S, ENUM_LABELS } from './strings';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  dl: { display: 'grid', gridTemplateColumns: 'minmax(80px, auto) 1fr', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalXS },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface MetricDetailProps {
  catalog: Catalog;
  metric: MetricDef;
  locale: Locale;
  onBack: () => void;
  /** Opens another metric (from the lineage links). */
  onOpen: (id: string) => void;
}

const label = (value: string | number | undefined, l: Locale): string => (value === undefined ? '' : (ENUM_LABELS[String(value)]?.[l] ?? String(value)));

export function MetricDetail({ catalog, metric: m, locale: l, onBack, onOpen }: MetricDetailProps) {
  const styles = useStyles();
  const lineage = lineageOf(catalog, m.id);
  const value = (v: number): string => formatValue(v, m, l);
  const caliber = m.caliber ?? {};
  const rows: Array<[string, string | undefined]> = [
    [S.unit[l], unitLabel(m, catalog.currency, l)],
    [S.direction[l], label(m.direction, l)],
    [S.owner[l], m.owner],
    [S.department[l], m.department],
    [S.includes[l], caliber.includes],
    [S.excludes[l], caliber.excludes],
    [S.vat[l], label(caliber.vat, l) || undefined],
    [S.balance[l], label(caliber.balance, l) || undefined],
    [S.dayBasis[l], caliber.dayBasis === undefined ? undefined : String(caliber.dayBasis)],
    [S.notes[l], caliber.notes],
    [S.targets[l], m.targets?.map((t) => `${t.period}: ${value(t.value)}`).join('; ')],
    [S.thresholds[l], m.thresholds?.map((t) => fillPlaceholders(S.threshold[l], { severity: label(t.severity, l), when: label(t.when, l), value: t.basis === 'percentOfTarget' ? `${t.value * 100}%` : value(t.value) })).join('; ')],
  ];
  return (
    <article className={styles.view} aria-label={m.name[l]}>
      <div>
        <Button size="small" appearance="subtle" onClick={onBack}>
          ← {S.back[l]}
        </Button>
      </div>
      <Text as="h2" size={400} weight="semibold">
        {m.name[l]}
      </Text>
      <Text size={200}>
        {m.id} · {fillPlaceholders(S.version[l], { version: m.version ?? 1, status: label(m.status ?? 'published', l) })}
      </Text>
      {m.description && <Text>{m.description[l]}</Text>}
      <Text weight="semibold">{S.formula[l]}</Text>
      <code className={styles.code}>{lineage.formula}</code>
      <dl className={styles.dl}>
        {rows
          .filter((r): r is [string, string] => !!r[1])
          .map(([k, v]) => [
            <dt key={`${k}-t`} className={styles.dt}>{k}</dt>,
            <dd key={`${k}-d`} className={styles.dd}>{v}</dd>,
          ])}
      </dl>
      <Text as="h3" weight="semibold">{S.lineage[l]}</Text>
      <dl className={styles.dl}>
        <dt className={styles.dt}>{S.uses[l]}</dt>
        <dd className={styles.dd}><MetricLinks ids={lineage.uses} catalog={catalog} locale={l} onOpen={onOpen} /></dd>
        <dt className={styles.dt}>{S.usedBy[l]}</dt>
        <dd className={styles.dd}><MetricLinks ids={lineage.usedBy} catalog={catalog} locale={l} onOpen={onOpen} /></dd>
        <dt className={styles.dt}>{S.accounts[l]}</dt>
        <dd className={styles.dd}>{lineage.accounts.join(', ') || S.nothing[l]}</dd>
        <dt className={styles.dt}>{S.source[l]}</dt>
        <dd className={styles.dd}>{lineage.source ?? S.nothing[l]}</dd>
      </dl>
    </article>
  );
}

function MetricLinks({ ids, catalog, locale, onOpen }: { ids: readonly string[]; catalog: Catalog; locale: Locale; onOpen: (id: string) => void }) {
  const styles = useStyles();
  if (ids.length === 0) return <>{S.nothing[locale]}</>;
  return (
    <span className={styles.links}>
      {ids.map((id) => (
        <Link key={id} as="button" onClick={() => onOpen(id)}>
          {catalog.metrics.find((m) => m.id === id)?.name[locale] ?? id}
        </Link>
      ))}
    </span>
  );
}
