import { FluentProvider, MessageBar, MessageBarBody, Text, webLightTheme } from '@fluentui/react-components';
import { formatMessage, type Locale } from '../../core/i18n';

/** Opened outside Excel and WPS: say so, and point at the workbench that runs the same pane in a browser. */
export function NoHost({ locale, error }: { locale: Locale; error?: string }) {
  const workbench = new URL('workbench.html', window.location.href).href;
  return (
    <FluentProvider theme={webLightTheme} lang={locale} style={{ padding: 16 }}>
      <Text as="h1" size={500} weight="semibold">FinPulse</Text>
      <MessageBar intent={error ? 'error' : 'info'} layout="multiline">
        <MessageBarBody>
          {formatMessage('pane.noOffice', { url: workbench }, locale)}
          {error && <div>{error}</div>}
        </MessageBarBody>
      </MessageBar>
      <p>
        <a href={workbench}>{workbench}</a>
      </p>
    </FluentProvider>
  );
}
