import { makeStyles, tokens } from '@fluentui/react-components';
import { HEADER_HEIGHT, ROW_HEIGHT } from './layout';

/** Column letters and row numbers look alike: muted, centred, ruled like Excel's headers. */
const headerLook = {
  textAlign: 'center',
  boxSizing: 'border-box',
  backgroundColor: tokens.colorNeutralBackground3,
  color: tokens.colorNeutralForeground3,
  borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  fontSize: tokens.fontSizeBase200,
  userSelect: 'none',
} as const;

/** Grid chrome from the Fluent theme, so the dark theme darkens it; workbook fills stay as authored. */
export const useGridStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  bar: { display: 'flex', flexShrink: 0, gap: tokens.spacingHorizontalS, alignItems: 'center', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  nameBox: { width: '9em', flexShrink: 0, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  content: { flexGrow: 1, minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    position: 'relative',
    outlineStyle: 'none',
    fontSize: '13px',
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    ':focus-visible': { boxShadow: `inset 0 0 0 2px ${tokens.colorStrokeFocus2}` },
  },
  canvas: { position: 'relative' },
  headerRow: { position: 'sticky', top: 0, zIndex: 3, height: `${HEADER_HEIGHT}px` },
  corner: { position: 'sticky', left: 0, zIndex: 4, height: `${HEADER_HEIGHT}px`, backgroundColor: tokens.colorNeutralBackground3, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, boxSizing: 'border-box' },
  colHeader: {
    position: 'absolute',
    top: 0,
    height: `${HEADER_HEIGHT}px`,
    lineHeight: `${HEADER_HEIGHT}px`,
    ...headerLook,
  },
  headerActive: { backgroundColor: tokens.colorNeutralBackground3Selected, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  row: { position: 'absolute', left: 0 },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    height: '100%',
    lineHeight: `${ROW_HEIGHT}px`,
    ...headerLook,
  },
  cell: {
    position: 'absolute',
    top: 0,
    boxSizing: 'border-box',
    padding: '0 4px',
    lineHeight: `${ROW_HEIGHT - 1}px`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'clip',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'cell',
    userSelect: 'none',
  },
  // Over the empty cell on its right; the later, empty cell has no background and does not hide it.
  spill: { overflow: 'visible' },
  merged: { zIndex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center' },
  noted: {
    '::after': { content: '""', position: 'absolute', top: 0, right: 0, borderLeft: '7px solid transparent', borderTop: '7px solid #E03C31' },
  },
  selection: { position: 'absolute', zIndex: 1, pointerEvents: 'none', boxSizing: 'border-box', border: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: 'rgba(40, 120, 220, 0.12)' },
  tooltip: {
    position: 'absolute',
    zIndex: 5,
    maxWidth: '320px',
    whiteSpace: 'pre-wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: '#FFF9DB',
    color: '#1B1B1B',
    border: '1px solid #C9B458',
    boxShadow: tokens.shadow8,
    fontSize: tokens.fontSizeBase200,
    pointerEvents: 'none',
  },
  tabs: { display: 'flex', flexShrink: 0, gap: '2px', overflowX: 'auto', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2, padding: `0 ${tokens.spacingHorizontalS}` },
  tab: {
    border: 'none',
    background: 'none',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  tabActive: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, boxShadow: `inset 0 -2px 0 ${tokens.colorBrandStroke1}` },
});

/** Text on a workbook fill: dark on light fills, light on dark ones, whatever the page theme. */
export function textOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16)) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1B1B1B' : '#FFFFFF';
}
