import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Catalog } from '../../core/catalog';
import type { Locale } from '../../core/i18n';
import { lineageClosure, lineageOf } from '../../core/lineage';
import { metricName } from '../findings';
import { explainText } from './strings';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** Formula, inputs, accounts, source and dependents of a metric, with names in the pane's language. */
export function LineagePanel({ catalog, metricId, locale }: { catalog: Catalog; metricId: string; locale: Locale }) {
  const styles = useStyles();
  const lineage = lineageOf(catalog, metricId);
  const names = (ids: readonly string[]) => (ids.length ? ids.map((id) => metricName(catalog, id, locale)).join(', ') : explainText('none', locale));
  const source = lineage.source ?? explainText('mixedSources', locale, { sources: lineageClosure(catalog, metricId).sources.join(', ') });
  const caliber = catalog.metrics.find((m) => m.id === metricId)?.caliber?.includes;
  const rows: Array<[string, ReactNode]> = [
    [explainText('formula', locale), <code className={styles.code}>{lineage.formula}</code>],
    [explainText('inputs', locale), names(lineage.uses)],
    [explainText('accounts', locale), lineage.accounts.join(', ') || explainText('none', locale)],
    [explainText('source', locale), source],
    [explainText('usedBy', locale), names(lineage.usedBy)],
    ...(caliber ? [[explainText('caliber', locale), caliber] as [string, string]] : []),
  ];
  return (
    <section aria-label={explainText('lineage', locale)}>
      <Text as="h3" size={300} weight="semibold">
        {explainText('lineage', locale)}
      </Text>
      <dl className={styles.list}>
        {rows.map(([term, detail]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
