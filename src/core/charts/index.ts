// Chart geometry (scales, ticks, paths, band polygons, bars) and SVG strings. Pure: the pane's
// React charts and the HTML report draw from the same geometry.
export { extentOf, linearScale, niceStep, niceTicks, type LinearScale, type NiceTicks } from './scale';
export { bandPolygons, linePath, pointsOf, polygonPath, px, runs, type Point } from './lines';
export { barLayout, seriesChart, type Bar, type Padding, type SeriesChart, type SeriesChartInput } from './geometry';
export { escapeXml, sparklineSvg, type SparklineOptions } from './svg';
