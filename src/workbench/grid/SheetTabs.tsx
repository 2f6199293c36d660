import { mergeClasses } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import { useGridStyles } from './styles';

export interface SheetTabsProps {
  sheets: readonly string[];
  active: string;
  label: string;
  onPick: (sheet: string) => void;
}

/** The visible sheets as tabs (hidden sheets are not offered, as in Excel); arrows move between them. */
export function SheetTabs({ sheets, active, label, onPick }: SheetTabsProps) {
  const styles = useGridStyles();
  const onKeyDown = (e: KeyboardEvent): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = sheets[(sheets.indexOf(active) + step + sheets.length) % sheets.length];
    if (next) onPick(next);
  };
  return (
    <div role="tablist" aria-label={label} className={styles.tabs} onKeyDown={onKeyDown}>
      {sheets.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === active}
          tabIndex={name === active ? 0 : -1}
          className={mergeClasses(styles.tab, name === active && styles.tabActive)}
          onClick={() => onPick(name)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
