import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Acknowledgement } from '../../core/alerts';
import type { Locale } from '../../core/i18n';
import { findingsText } from './strings';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', rowGap: tokens.spacingVerticalXS },
  who: { color: tokens.colorNeutralForeground3 },
  note: { display: 'block', overflowWrap: 'anywhere' },
});

export function formatWhen(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Who acknowledged a finding, when, and their note; newest first. */
export function AckHistory({ acks, locale }: { acks: readonly Acknowledgement[]; locale: Locale }) {
  const styles = useStyles();
  if (acks.length === 0) return <Text size={200}>{findingsText('noHistory', locale)}</Text>;
  return (
    <ol className={styles.list} aria-label={findingsText('history', locale)}>
      {acks.map((ack) => (
        <li key={`${ack.at}|${ack.by}`}>
          <Text size={200} className={styles.who}>
            {findingsText('historyEntry', locale, { by: ack.by, at: formatWhen(ack.at, locale) })}
          </Text>
          {ack.note !== undefined && ack.note !== '' && <Text className={styles.note}>{ack.note}</Text>}
        </li>
      ))}
    </ol>
  );
}
