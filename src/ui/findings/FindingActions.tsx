import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Finding } from '../../core/anomaly';
import type { Locale } from '../../core/i18n';
import type { PaneActions } from '../session/state';
import { AcknowledgeForm } from './AcknowledgeForm';
import { findingsText } from './strings';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

export interface FindingActionsProps {
  finding: Finding;
  /** The metric's name and the finding's place, for the form's title. */
  metric: string;
  place: string;
  user: string;
  locale: Locale;
  actions: PaneActions;
  /** Primary in Explain, where acknowledging is the point; subtle in a list of many. */
  emphasis: 'primary' | 'subtle';
}

/** "Show in workbook" and "Acknowledge", which opens the inline form: the same in the list and in Explain. */
export function FindingActions({ finding, metric, place, user, locale, actions, emphasis }: FindingActionsProps) {
  const styles = useStyles();
  const [acknowledging, setAcknowledging] = useState(false);
  return (
    <>
      <div className={styles.actions}>
        <Button size="small" appearance={emphasis === 'subtle' ? 'subtle' : 'secondary'} onClick={() => void actions.revealFinding(finding.id)}>
          {findingsText('reveal', locale)}
        </Button>
        {!acknowledging && (
          <Button size="small" appearance={emphasis} onClick={() => setAcknowledging(true)}>
            {findingsText('acknowledge', locale)}
          </Button>
        )}
      </div>
      {acknowledging && (
        <AcknowledgeForm
          title={findingsText('ackTitle', locale, { metric, period: place })}
          user={user}
          locale={locale}
          onSave={(note, by) => actions.acknowledge(finding.id, note, by)}
          onDone={() => setAcknowledging(false)}
        />
      )}
    </>
  );
}
