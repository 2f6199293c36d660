import { Button, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
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
  /** Who acknowledges; empty when the pane does not know yet, and then the form asks. */
  user: string;
  locale: Locale;
  /** `by` is the name typed into the form when `user` was empty. */
  onSave: (note: string, by?: string) => Promise<void>;
  onDone: () => void;
}

/**
 * An inline dialog: the note is required, since an acknowledgement without a reason tells the
 * next reviewer nothing; so is a name, asked for here the first time. The session reports
 * failures as notices, so the form just closes.
 */
export function AcknowledgeForm({ title, user, locale, onSave, onDone }: AcknowledgeFormProps) {
  const styles = useStyles();
  const titleId = useId();
  const [note, setNote] = useState('');
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const askName = user.trim() === '';
  const missing = note.trim() === '';
  const nameMissing = askName && name.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing || nameMissing) return;
    setSaving(true);
    void onSave(note.trim(), askName ? name.trim() : undefined).finally(() => {
      setSaving(false);
      onDone();
    });
  };
  return (
    // noValidate: the browser's own bubble would stop the submit before the form's messages show.
    <form role="dialog" aria-labelledby={titleId} className={styles.form} onSubmit={submit} noValidate>
      <Text id={titleId} weight="semibold">
        {title}
      </Text>
      {askName && (
        <Field
          label={findingsText('yourName', locale)}
          required
          validationState={tried && nameMissing ? 'error' : 'none'}
          validationMessage={tried && nameMissing ? findingsText('nameRequired', locale) : undefined}
        >
          <Input autoFocus value={name} onChange={(_, data) => setName(data.value)} autoComplete="name" />
        </Field>
      )}
      <Field
        label={findingsText('note', locale)}
        required
        hint={askName ? undefined : findingsText('as', locale, { user })}
        validationState={tried && missing ? 'error' : 'none'}
        validationMessage={tried && missing ? findingsText('noteRequired', locale) : undefined}
      >
        <Textarea autoFocus={!askName} value={note} onChange={(_, data) => setNote(data.value)} placeholder={findingsText('notePlaceholder', locale)} resize="vertical" />
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
