import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/**
 * Renders a view to HTML the way the pane would first paint it (jsdom is not installed, so views are
 * checked server-side here and interactively by the Chromium e2e). Returns the markup and its text.
 */
export function renderView(element: ReactElement): { html: string; text: string } {
  const html = renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
  const body = html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');
  const text = body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
  return { html: body, text };
}
