// Chart geometry (scales, ticks, paths, band polygons, bars) and SVG strings. Pure: the pane's
// React charts and the HTML report draw from the same geometry.
export { extentOf, linearScale, niceTicks, type LinearScale, type NiceTicks } from './scale';
export { bandPolygons, linePath, type Point } from './lines';
export { barLayout, seriesChart, type Bar, type Padding, type SeriesChart, type SeriesChartInput } from './geometry';
export { sparklineSvg, type SparklineOptions } from './svg';
