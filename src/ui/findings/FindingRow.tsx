import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Acknowledgement } from '../../core/alerts';
import type { Finding } from '../../core/anomaly';
import type { Locale } from '../../core/i18n';
import type { PaneActions } from '../session/state';
import { AckHistory } from './AckHistory';
import { FindingActions } from './FindingActions';
import { isAcknowledged } from './model';
import { SeverityBadge } from './SeverityBadge';
import { KIND_NAMES, findingsText } from './strings';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  name: { fontWeight: tokens.fontWeightSemibold, textAlign: 'left' },
  meta: { color: tokens.colorNeutralForeground3 },
  why: { overflowWrap: 'anywhere' },
  acked: { color: tokens.colorPaletteGreenForeground1 },
  reopened: { color: tokens.colorPaletteRedForeground1 },
});

export interface FindingRowProps {
  finding: Finding;
  metric: string;
  acks: readonly Acknowledgement[];
  user: string;
  locale: Locale;
  actions: PaneActions;
}

/** Where a finding sits: the period, and the member when it is about one (department East-1). */
export function findingPlace(f: Finding): string {
  return f.member ? `${f.period} · ${f.member.dimension} ${f.member.member}` : f.period;
}

/** One finding: badge, metric (opens Explain), period and kind, the sentence, and its actions. */
export function FindingRow({ finding: f, metric, acks, user, locale, actions }: FindingRowProps) {
  const styles = useStyles();
  const latest = acks[0];
  const acknowledged = isAcknowledged(f, latest);
  const place = findingPlace(f);
  return (
    <li className={styles.item}>
      <div className={styles.head}>
        <SeverityBadge severity={f.severity} locale={locale} />
        <Link as="button" className={styles.name} onClick={() => actions.explainFinding(f.id)} aria-label={findingsText('explainFinding', locale, { metric, period: place })}>
          {metric}
        </Link>
        <Text size={200} className={styles.meta}>
          {place} · {KIND_NAMES[f.kind][locale]}
        </Text>
      </div>
      <Text size={200} className={styles.why}>
        {f.explanation[locale]}
      </Text>
      {latest && (
        <Text size={200} className={acknowledged ? styles.acked : styles.reopened}>
          {acknowledged ? findingsText('acknowledged', locale, { by: latest.by }) : findingsText('worseSinceAck', locale)}
        </Text>
      )}
      <FindingActions finding={f} metric={metric} place={place} user={user} locale={locale} actions={actions} emphasis="subtle" />
      {acks.length > 0 && <AckHistory acks={acks} locale={locale} />}
    </li>
  );
}
