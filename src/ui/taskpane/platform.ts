/** WPS puts its add-in API on `window.wps` for pages it opens as task panes. */
export const hasWps = (): boolean => typeof (window as { wps?: unknown }).wps === 'object';

/** Office's own theme (Office 2016+ exposes its colours): dark when its body background is dark. */
export function officeTheme(): 'light' | 'dark' | undefined {
  const colour = Office.context?.officeTheme?.bodyBackgroundColor;
  const rgb = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? '');
  if (!rgb) return undefined;
  const [r, g, b] = rgb.slice(1).map((h) => parseInt(h, 16) / 255) as [number, number, number];
  // Relative luminance (sRGB approximated): below the midpoint reads as a dark theme.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}
