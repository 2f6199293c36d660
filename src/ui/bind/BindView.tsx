import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { Problem } from '../../core/errors';
import { type Locale, fillPlaceholders } from '../../core/i18n';
import type { BindingPreview, PaneViewProps, WorkbookTargets } from '../session';
import { formatRef } from '../../core/a1';
import { BindingList } from './BindingList';
import { PreviewPanel, type PreviewProblem } from './BindingPreviewPanel';
import { ErpBinding } from './ErpBinding';
import { bindingOf, EMPTY_FORM, sourceNames, type BindForm } from './model';
import { BIND_STRINGS as S } from './strings';
import { SuggestionNote, useColumnSuggestion } from './use-suggestion';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '140px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
});

type Target = BindForm['target'] | 'erp';
const TARGETS: readonly Target[] = ['range', 'name', 'table', 'tableColumn', 'erp'];

export const problemLines = (problems: readonly Problem[], l: Locale): PreviewProblem[] =>
  problems.map((p) => ({ severity: p.severity, text: `${p.path}: ${p.message[l]}` }));

/** Bind a source (or the source a metric reads) to workbook cells or an ERP source; preview before saving. */
export function BindView({ state, actions }: PaneViewProps) {
  const styles = useStyles();
  const l = state.locale;
  const [form, setForm] = useState<BindForm>(EMPTY_FORM);
  const [target, setTarget] = useState<Target>('range');
  const [places, setPlaces] = useState<WorkbookTargets>({ names: [], tables: [] });
  const [preview, setPreview] = useState<{ of: string; result: BindingPreview } | undefined>();
  const binding = useMemo(() => bindingOf(form), [form]);
  const key = JSON.stringify(binding);
  const previewed = preview?.of === key && preview.result.stats !== undefined;
  const update = (patch: Partial<BindForm>): void => setForm((f) => ({ ...f, ...patch }));
  const { suggestion, suggest, pending } = useColumnSuggestion(actions, setForm);
  /** A new place to read: its header row fills the columns in. */
  const moveTo = async (patch: Partial<BindForm>): Promise<void> => {
    const next = { ...form, ...patch };
    setForm(next);
    await suggest(next);
  };

  useEffect(() => {
    void actions.workbookTargets().then((t) => t && setPlaces(t));
  }, [actions]);

  const useSelection = async (): Promise<void> => {
    const t = await actions.workbookTargets();
    if (!t) return;
    setPlaces(t);
    if (t.selection) await moveTo({ ref: formatRef(t.selection) });
  };
  const runPreview = async (): Promise<void> => {
    const result = await actions.previewBinding(binding);
    if (result) setPreview({ of: key, result });
  };
  const save = async (): Promise<void> => {
    const problems = await actions.saveBinding(binding);
    setPreview(problems.length ? { of: key, result: { problems, rows: [] } } : undefined);
  };

  return (
    <section className={styles.view} aria-label={S.title[l]}>
      <Text as="h2" size={400} weight="semibold">{S.title[l]}</Text>
      <FeedPicker form={form} state={state} onChange={update} />
      <Field label={S.target[l]}>
        <Select value={target} onChange={(_, d) => { const t = d.value as Target; setTarget(t); if (t !== 'erp') update({ target: t }); }}>
          {TARGETS.map((t) => <option key={t} value={t}>{S[t][l]}</option>)}
        </Select>
      </Field>
      {target === 'erp' ? (
        <ErpBinding state={state} actions={actions} source={form.source} />
      ) : (
        <>
          <TargetFields
            form={form} places={places} locale={l} onChange={update} onUseSelection={useSelection}
            onMoveTo={(patch) => void moveTo(patch)}
            onRangeDone={() => void (form.ref.trim() && pending(form) ? suggest(form) : Promise.resolve())}
          />
          <SuggestionNote suggestion={suggestion} locale={l} />
          <LayoutFields form={form} locale={l} onChange={update} />
          <Field label={S.id[l]}>
            <Input value={form.id} placeholder={String(binding['id'])} onChange={(_, d) => update({ id: d.value })} />
          </Field>
          <div className={styles.actions}>
            <Button onClick={() => void runPreview()}>{S.preview[l]}</Button>
            <Button appearance="primary" disabled={!previewed} title={previewed ? undefined : S.previewFirst[l]} onClick={() => void save()}>
              {S.save[l]}
            </Button>
          </div>
          {!previewed && <Text size={200} className={styles.hint}>{S.previewFirst[l]}</Text>}
          {preview?.of === key && (
            <PreviewPanel
              locale={l}
              summary={preview.result.stats && fillPlaceholders(S.stats[l], { ...preview.result.stats })}
              problems={problemLines(preview.result.problems, l)}
              rows={preview.result.rows}
            />
          )}
        </>
      )}
      <BindingList bindings={state.bindings} locale={l} onRemove={(id) => void actions.removeBinding(id)} />
    </section>
  );
}

/** A source by name, or a metric (which stands for the source it reads). */
function FeedPicker({ form, state, onChange }: { form: BindForm; state: PaneViewProps['state']; onChange: (patch: Partial<BindForm>) => void }) {
  const l = state.locale;
  const [metric, setMetric] = useState('');
  const sources = sourceNames(state.catalog);
  const bases = state.catalog.metrics.filter((m) => m.kind === 'base');
  const chosen = bases.find((m) => m.id === metric);
  const pick = (value: string): void => {
    const [kind, id] = value.split(':') as [string, string];
    if (kind === 'metric') {
      setMetric(id);
      onChange({ source: bases.find((m) => m.id === id)?.source ?? 'ledger' });
    } else {
      setMetric('');
      onChange({ source: id });
    }
  };
  return (
    <Field label={S.feeds[l]} hint={chosen ? fillPlaceholders(S.metricReads[l], { metric: chosen.name[l], source: form.source }) : undefined}>
      <Select value={metric ? `metric:${metric}` : `source:${form.source}`} onChange={(_, d) => pick(d.value)}>
        <optgroup label={S.sources[l]}>
          {sources.map((s) => <option key={s} value={`source:${s}`}>{s}</option>)}
        </optgroup>
        <optgroup label={S.metrics[l]}>
          {bases.map((m) => <option key={m.id} value={`metric:${m.id}`}>{m.name[l]}</option>)}
        </optgroup>
      </Select>
    </Field>
  );
}

interface FieldsProps {
  form: BindForm;
  locale: Locale;
  onChange: (patch: Partial<BindForm>) => void;
}

interface TargetProps extends FieldsProps {
  places: WorkbookTargets;
  onUseSelection: () => Promise<void>;
  /** A name or table picked: suggest its columns. */
  onMoveTo: (patch: Partial<BindForm>) => void;
  /** The range field left: suggest the columns of a range typed by hand. */
  onRangeDone: () => void;
}

function TargetFields({ form, places, locale: l, onChange, onUseSelection, onMoveTo, onRangeDone }: TargetProps) {
  const styles = useStyles();
  const table = places.tables.find((t) => t.name === form.table);
  if (form.target === 'range') {
    return (
      <div className={styles.row}>
        <Field label={S.ref[l]} className={styles.grow}>
          <Input value={form.ref} onChange={(_, d) => onChange({ ref: d.value })} onBlur={onRangeDone} />
        </Field>
        <Button onClick={() => void onUseSelection()}>{S.useSelection[l]}</Button>
      </div>
    );
  }
  if (form.target === 'name') {
    return <Choice label={S.name[l]} value={form.name} options={places.names.map((n) => n.name)} locale={l} onChange={(name) => onMoveTo({ name })} />;
  }
  return (
    <>
      <Choice label={S.table[l]} value={form.table} options={places.tables.map((t) => t.name)} locale={l} onChange={(t) => onMoveTo({ table: t, column: '' })} />
      {form.target === 'tableColumn' && (
        <Choice label={S.column[l]} value={form.column} options={table?.headers ?? []} locale={l} onChange={(column) => onChange({ column })} />
      )}
    </>
  );
}

function Choice({ label, value, options, locale, onChange }: { label: string; value: string; options: readonly string[]; locale: Locale; onChange: (v: string) => void }) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">{S.pick[locale]}</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </Select>
    </Field>
  );
}

function LayoutFields({ form, locale: l, onChange }: FieldsProps) {
  const text = (key: 'date' | 'amount' | 'debit' | 'credit' | 'account' | 'dimensions' | 'year') => (
    <Field label={S[key][l]}>
      <Input value={form[key]} onChange={(_, d) => onChange({ [key]: d.value })} />
    </Field>
  );
  return (
    <>
      <Field label={S.layout[l]}>
        <Select value={form.layout} onChange={(_, d) => onChange({ layout: d.value as BindForm['layout'] })}>
          <option value="long">{S.long[l]}</option>
          {form.target !== 'tableColumn' && <option value="wide">{S.wide[l]}</option>}
        </Select>
      </Field>
      {form.layout === 'long' ? (
        <>
          {text('date')}
          {form.target !== 'tableColumn' && <AmountFields form={form} locale={l} onChange={onChange} text={text} />}
          {text('account')}
          {text('dimensions')}
        </>
      ) : (
        text('year')
      )}
    </>
  );
}

/** One signed amount column, or debit and credit columns (as a ledger export often has). */
function AmountFields({ form, locale: l, onChange, text }: FieldsProps & { text: (key: 'amount' | 'debit' | 'credit') => ReactElement }) {
  return (
    <>
      <Field label={S.amountKind[l]} hint={form.amountKind === 'debitCredit' ? S.debitCreditHint[l] : undefined}>
        <Select value={form.amountKind} onChange={(_, d) => onChange({ amountKind: d.value as BindForm['amountKind'] })}>
          <option value="amount">{S.oneAmount[l]}</option>
          <option value="debitCredit">{S.debitCredit[l]}</option>
        </Select>
      </Field>
      {form.amountKind === 'amount' ? text('amount') : (
        <>
          {text('debit')}
          {text('credit')}
        </>
      )}
    </>
  );
}
