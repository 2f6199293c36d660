import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { Locale } from '../../core/i18n';
import { findingsText } from './strings';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface AcknowledgeFormProps {
  /** Says what is acknowledged, e.g. "Acknowledge Gross margin, 2026-12". */
  title: string;
  user: string;
  locale: Locale;
  onSave: (note: string) => Promise<void>;
  onDone: () => void;
}

/**
 * An inline dialog: the note is required, since an acknowledgement without a reason tells the
 * next reviewer nothing. The session reports failures as notices, so the form just closes.
 */
export function AcknowledgeForm({ title, user, locale, onSave, onDone }: AcknowledgeFormProps) {
  const styles = useStyles();
  const titleId = useId();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const missing = note.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing) return;
    setSaving(true);
    void onSave(note.trim()).finally(() => {
      setSaving(false);
      onDone();
    });
  };
  return (
    <form role="dialog" aria-labelledby={titleId} className={styles.form} onSubmit={submit}>
      <Text id={titleId} weight="semibold">
        {title}
      </Text>
      <Field
        label={findingsText('note', locale)}
        required
        hint={findingsText('as', locale, { user })}
        validationState={tried && missing ? 'error' : 'none'}
        validationMessage={tried && missing ? findingsText('noteRequired', locale) : undefined}
      >
        <Textarea autoFocus value={note} onChange={(_, data) => setNote(data.value)} placeholder={findingsText('notePlaceholder', locale)} resize="vertical" />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {findingsText('save', locale)}
        </Button>
        <Button type="button" onClick={onDone} disabled={saving}>
          {findingsText('cancel', locale)}
        </Button>
      </div>
    </form>
  );
}
