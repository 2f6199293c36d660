import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import { type Locale, fillPlaceholders } from '../../core/i18n';
import { PANE_VIEWS, type PaneView } from '../session/state';
import { SHELL_STRINGS as S, VIEW_NAMES } from './strings';

const useStyles = makeStyles({
  // Tabs that do not fit in a 320 px pane move into the "More" menu instead of wrapping or scrolling.
  bar: { minWidth: 0, overflow: 'hidden' },
});

interface NavigationProps {
  view: PaneView;
  locale: Locale;
  /** Views the build has; the others are left out of the navigation. */
  available: ReadonlySet<PaneView>;
  onSelect: (view: PaneView) => void;
}

/** Tabs (arrow keys move between them) with an overflow menu; the current view keeps its tab visible. */
export function Navigation({ view, locale, available, onSelect }: NavigationProps) {
  const styles = useStyles();
  const views = PANE_VIEWS.filter((v) => available.has(v));
  return (
    <nav aria-label={S.navigation[locale]}>
      <Overflow minimumVisible={2}>
        <TabList className={styles.bar} size="small" selectedValue={view} onTabSelect={(_, data) => onSelect(data.value as PaneView)}>
          {views.map((v) => (
            <OverflowItem key={v} id={v} priority={v === view ? 2 : 1}>
              <Tab value={v} aria-current={v === view ? 'page' : undefined}>
                {VIEW_NAMES[v][locale]}
              </Tab>
            </OverflowItem>
          ))}
          <MoreMenu views={views} view={view} locale={locale} onSelect={onSelect} />
        </TabList>
      </Overflow>
    </nav>
  );
}

function MoreMenu({ views, view, locale, onSelect }: { views: readonly PaneView[]; view: PaneView; locale: Locale; onSelect: (view: PaneView) => void }) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" size="small" aria-label={S.more[locale]}>
          {fillPlaceholders(S.moreCount[locale], { count: overflowCount })}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {views.map((v) => (
            <HiddenViewItem key={v} id={v} current={v === view} label={VIEW_NAMES[v][locale]} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenViewItem({ id, current, label, onSelect }: { id: PaneView; current: boolean; label: string; onSelect: (view: PaneView) => void }) {
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return (
    <MenuItem aria-current={current ? 'page' : undefined} onClick={() => onSelect(id)}>
      {label}
    </MenuItem>
  );
}
