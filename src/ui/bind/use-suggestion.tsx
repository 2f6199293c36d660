import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type Dispatch, type SetStateAction } from 'react';
import { type Locale, fillPlaceholders } from '../../core/i18n';
import type { ColumnSuggestion, SessionActions } from '../session';
import { targetOf, withSuggestion, type BindForm } from './model';
import { BIND_STRINGS as S } from './strings';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  problem: { color: tokens.colorPaletteDarkOrangeForeground1, overflowWrap: 'anywhere' },
});

const keyOf = (f: BindForm): string => JSON.stringify(targetOf(f));
const columnsOf = ({ layout, date, amountKind, amount, debit, credit, account, dimensions }: BindForm): string =>
  JSON.stringify([layout, date, amountKind, amount, debit, credit, account, dimensions]);

/**
 * Column suggestions for the form's target: `suggest(form)` reads the target's header and fills
 * the columns in, unless the user has meanwhile moved to another target or typed in a column
 * (their edit wins over a late suggestion). `pending(form)` says
 * whether the target changed since the last suggestion (a range typed by hand).
 */
export function useColumnSuggestion(actions: Pick<SessionActions, 'suggestColumns'>, setForm: Dispatch<SetStateAction<BindForm>>) {
  const [last, setLast] = useState<{ key: string; result: ColumnSuggestion }>();
  const suggest = async (form: BindForm): Promise<void> => {
    const key = keyOf(form);
    const result = await actions.suggestColumns(targetOf(form));
    if (!result) return;
    setLast({ key, result });
    const columns = columnsOf(form);
    setForm((f) => (keyOf(f) === key && columnsOf(f) === columns ? withSuggestion(f, result) : f));
  };
  const pending = (form: BindForm): boolean => last?.key !== keyOf(form);
  return { suggestion: last?.result, suggest, pending };
}

/** Says where the columns came from, or why none could be suggested; read out when it changes. */
export function SuggestionNote({ suggestion, locale: l }: { suggestion: ColumnSuggestion | undefined; locale: Locale }) {
  const styles = useStyles();
  if (!suggestion) return null;
  const problems = suggestion.problems.map((p) => `${p.path}: ${p.message[l]}`);
  return (
    <div role="status">
      {problems.length === 0 ? (
        <Text size={200} className={styles.note}>{fillPlaceholders(S.suggested[l], { header: suggestion.header ?? '', count: suggestion.dimensions.length })}</Text>
      ) : (
        problems.map((text) => <Text key={text} as="p" size={200} className={styles.problem}>{fillPlaceholders(S.notSuggested[l], { problem: text })}</Text>)
      )}
    </div>
  );
}
