// React SVG charts over core/charts' geometry: no chart library, no innerHTML. See README.md.
export { Sparkline, type SparklineProps } from './Sparkline';
export { TrendChart, type TrendChartProps } from './TrendChart';
export { BarList, type BarItem } from './BarList';
export { axisLabels, compactAmount } from './axis-format';
export { findingOverlay, metricSeries, type FindingOverlay, type MetricSeries } from './series';
export { useVisuallyHidden } from './a11y';
export { CHART_STRINGS, dimensionName } from './strings';
