import { Button, Menu, MenuItemCheckbox, MenuList, MenuPopover, MenuTrigger, makeStyles } from '@fluentui/react-components';
import type { MetricDef } from '../../core/catalog';
import type { Locale } from '../../core/i18n';
import { dashboardText } from './strings';

// Seventy metrics do not fit a pane: the menu scrolls.
const useStyles = makeStyles({ list: { maxHeight: '60vh', overflowY: 'auto' } });

export interface KpiPickerProps {
  metrics: readonly MetricDef[];
  chosen: readonly string[];
  locale: Locale;
  onChange: (ids: string[]) => void;
  onReset: () => void;
}

/** A checkable menu of the evaluated metrics; keyboard navigable like every Fluent menu. */
export function KpiPicker({ metrics, chosen, locale, onChange, onReset }: KpiPickerProps) {
  const styles = useStyles();
  return (
    <>
      <Menu
        checkedValues={{ kpis: [...chosen] }}
        onCheckedValueChange={(_, data) => {
          // Keep the user's order: newly ticked metrics go last.
          const ticked = new Set(data.checkedItems);
          onChange([...chosen.filter((id) => ticked.has(id)), ...data.checkedItems.filter((id) => !chosen.includes(id))]);
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button size="small">{dashboardText('chooseKpis', locale)}</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList className={styles.list}>
            {metrics.map((m) => (
              <MenuItemCheckbox key={m.id} name="kpis" value={m.id}>
                {m.name[locale]}
              </MenuItemCheckbox>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      <Button size="small" appearance="subtle" onClick={onReset}>
        {dashboardText('resetKpis', locale)}
      </Button>
    </>
  );
}
