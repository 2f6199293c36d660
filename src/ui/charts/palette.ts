import { makeStyles, tokens } from '@fluentui/react-components';

/** Chart colours from Fluent tokens, so the light and dark themes both read well. */
export const useChartStyles = makeStyles({
  figure: { margin: 0 },
  svg: { display: 'block', overflow: 'visible' },
  line: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: '1.5px', strokeLinejoin: 'round', strokeLinecap: 'round' },
  band: { fill: tokens.colorBrandBackground2, stroke: 'none' },
  range: { fill: 'none', stroke: tokens.colorBrandStroke2, strokeWidth: '2px' },
  flagged: { fill: tokens.colorPaletteRedForeground1 },
  highlight: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorPaletteRedForeground1, strokeWidth: '2px' },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: '1px' },
  axisText: { fill: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, fontFamily: tokens.fontFamilyBase },
  barGood: { fill: tokens.colorPaletteGreenForeground1 },
  barBad: { fill: tokens.colorPaletteRedForeground1 },
  barNeutral: { fill: tokens.colorBrandForeground1 },
  zero: { stroke: tokens.colorNeutralStroke1, strokeWidth: '1px' },
});
