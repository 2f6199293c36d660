import { makeStyles, tokens } from '@fluentui/react-components';

/** Below this width the pane stacks under the grid instead of beside it. */
export const NARROW = '@media (max-width: 899px)';

export const usePageStyles = makeStyles({
  page: { height: '100vh', display: 'flex', flexDirection: 'column', overflow: 'hidden', [NARROW]: { height: 'auto', minHeight: '100vh', overflow: 'visible' } },
  light: { colorScheme: 'light' },
  dark: { colorScheme: 'dark' },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1, marginRight: tokens.spacingHorizontalM },
  bookName: { color: tokens.colorNeutralForeground2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, flexShrink: 1 },
  hiddenInput: { display: 'none' },
  message: { margin: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  body: { flexGrow: 1, minHeight: 0, display: 'flex', [NARROW]: { flexDirection: 'column' } },
  gridArea: { flexGrow: 1, minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column', [NARROW]: { height: '60vh', flexGrow: 0 } },
  splitter: {
    width: '6px',
    flexShrink: 0,
    cursor: 'col-resize',
    backgroundColor: tokens.colorNeutralStroke2,
    ':hover': { backgroundColor: tokens.colorBrandStroke1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    [NARROW]: { display: 'none' },
  },
  pane: { flexShrink: 0, overflowY: 'auto', overflowX: 'hidden', [NARROW]: { width: '100% !important', overflowY: 'visible', borderTop: `1px solid ${tokens.colorNeutralStroke2}` } },
  status: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  dropping: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
});
