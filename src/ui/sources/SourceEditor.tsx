import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PreviewPanel, type PreviewProblem } from '../bind';
import type { PaneViewProps, SourceProbe } from '../session';
import { parseText, pretty, secretOf, textAt, urlPath, withTextAt, type Json } from './model';
import { SOURCES_STRINGS as S } from './strings';
import { fillPlaceholders } from '../../core/i18n';

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  json: { fontFamily: tokens.fontFamilyMonospace },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '140px' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
});

const AUTH_TYPES = ['none', 'bearer', 'basic', 'apiKey', 'oauth2'] as const;
const TEXT_FIELDS = [
  ['id', 'id'],
  ['name.en-US', 'nameEn'],
  ['name.zh-CN', 'nameZh'],
  ['records', 'records'],
  ['fields.date', 'dateField'],
  ['fields.amount', 'amountField'],
  ['fields.account', 'accountField'],
] as const;

interface EditorProps extends PaneViewProps {
  initial: Json;
  onClose: () => void;
}

/** The common fields as a form over the full JSON definition; both edit one text, validated as you type. */
export function SourceEditor({ state, actions, initial, onClose }: EditorProps) {
  const styles = useStyles();
  const l = state.locale;
  const [text, setText] = useState(() => pretty(initial));
  const [probe, setProbe] = useState<SourceProbe | undefined>();
  const [busy, setBusy] = useState(false);
  const parsed = parseText(text);
  const def = parsed.value;
  const edit = (path: string, value: string): void => setText(pretty(withTextAt(def ?? {}, path, value)));
  const problems: PreviewProblem[] = parsed.problems.map((p) => ({ severity: p.severity, text: `${p.path}: ${p.message[l]}` }));

  const test = async (): Promise<void> => {
    setBusy(true);
    setProbe(await actions.probeSource(def));
    setBusy(false);
  };
  const save = async (): Promise<void> => {
    if ((await actions.saveSource(def)).length === 0) onClose();
  };

  return (
    <section className={styles.editor} aria-label={fillPlaceholders(S.edit[l], { id: textAt(def, 'id') })}>
      {TEXT_FIELDS.slice(0, 3).map(([path, label]) => (
        <Field key={path} label={S[label][l]}>
          <Input value={textAt(def, path)} disabled={!def} onChange={(_, d) => edit(path, d.value)} />
        </Field>
      ))}
      <Field label={S.url[l]}>
        <Input type="url" value={textAt(def, urlPath(def))} disabled={!def} onChange={(_, d) => edit(urlPath(def), d.value)} />
      </Field>
      <Field label={S.auth[l]}>
        <Select value={textAt(def, 'auth.type') || 'none'} disabled={!def} onChange={(_, d) => edit('auth.type', d.value)}>
          {AUTH_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </Select>
      </Field>
      {textAt(def, 'auth.type') && textAt(def, 'auth.type') !== 'none' && (
        <Field label={S.secretName[l]}>
          <Input value={secretOf(def)} onChange={(_, d) => edit('auth.secret', d.value)} />
        </Field>
      )}
      <SecretField name={secretOf(def)} state={state} actions={actions} />
      {TEXT_FIELDS.slice(3).map(([path, label]) => (
        <Field key={path} label={S[label][l]}>
          <Input value={textAt(def, path)} disabled={!def} onChange={(_, d) => edit(path, d.value)} />
        </Field>
      ))}
      <Field label={S.json[l]} hint={S.jsonHint[l]}>
        <Textarea className={styles.json} resize="vertical" rows={12} value={text} spellCheck={false} onChange={(_, d) => setText(d.value)} />
      </Field>
      {problems.length === 0 ? <Text className={styles.ok}>{S.valid[l]}</Text> : <PreviewPanel locale={l} summary={fillPlaceholders(S.problems[l], { count: problems.length })} problems={problems} rows={[]} />}
      <div className={styles.row}>
        <Button disabled={!def || busy} onClick={() => void test()}>{busy ? S.testing[l] : S.test[l]}</Button>
        <Button appearance="primary" disabled={problems.length > 0} onClick={() => void save()}>{S.save[l]}</Button>
        <Button appearance="subtle" onClick={onClose}>{S.cancel[l]}</Button>
      </div>
      {probe && <PreviewPanel locale={l} summary={probe.message[l]} problems={[]} rows={probe.rows} />}
    </section>
  );
}

/** A password box for the named secret: the value goes to the user's secret store, never into the definition. */
function SecretField({ name, state, actions }: PaneViewProps & { name: string }) {
  const styles = useStyles();
  const l = state.locale;
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState<readonly string[]>([]);
  useEffect(() => {
    void actions.secretNames().then(setSaved);
  }, [actions]);
  if (!name) return null;
  const save = async (): Promise<void> => {
    if (await actions.saveSecret(name, value)) {
      setValue('');
      setSaved(await actions.secretNames());
    }
  };
  return (
    <div className={styles.row}>
      <Field className={styles.grow} label={fillPlaceholders(S.secretValue[l], { name })} hint={saved.includes(name) ? S.secretSaved[l] : undefined}>
        <Input type="password" autoComplete="off" value={value} onChange={(_, d) => setValue(d.value)} />
      </Field>
      <Button disabled={value === ''} onClick={() => void save()}>{S.saveSecret[l]}</Button>
    </div>
  );
}
