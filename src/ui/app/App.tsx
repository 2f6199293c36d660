import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useState } from 'react';
import { MetricTable } from './MetricTable';
import type { PaneLocale, PaneModel } from './model';
import { otherLocale, t } from './strings';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  // Native parts (scrollbars, focus rings of plain elements) follow the theme too.
  light: { colorScheme: 'light' },
  dark: { colorScheme: 'dark' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  headings: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
  },
  heading: {
    margin: 0,
    color: tokens.colorBrandForeground1,
  },
  subtitle: {
    color: tokens.colorNeutralForeground3,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  empty: {
    color: tokens.colorNeutralForeground3,
    paddingTop: tokens.spacingVerticalL,
    textAlign: 'center',
  },
});

export interface AppProps {
  model: PaneModel;
  theme?: 'light' | 'dark';
}

export function App({ model, theme = 'light' }: AppProps) {
  const styles = useStyles();
  // The user's choice wins over the model's locale until the pane reloads.
  const [chosenLocale, setChosenLocale] = useState<PaneLocale | null>(null);
  const locale = chosenLocale ?? model.locale;
  const target = otherLocale(locale);

  return (
    <FluentProvider
      theme={theme === 'dark' ? webDarkTheme : webLightTheme}
      lang={locale}
      className={mergeClasses(styles.root, theme === 'dark' ? styles.dark : styles.light)}
    >
      <header className={styles.header}>
        <div className={styles.headings}>
          <Text as="h1" size={500} weight="semibold" className={styles.heading}>
            FinPulse
          </Text>
          {model.title !== '' && model.title !== 'FinPulse' && (
            <Text size={200} className={styles.subtitle} title={model.title}>
              {model.title}
            </Text>
          )}
        </div>
        <Button
          size="small"
          appearance="subtle"
          lang={target}
          title={t('switchLanguage', locale)}
          onClick={() => setChosenLocale(target)}
        >
          {t('otherLanguage', locale)}
        </Button>
      </header>

      {model.warnings.map((warning, index) => (
        <MessageBar key={`${index}:${warning}`} intent="warning" layout="multiline">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}

      {model.rows.length === 0 ? (
        <Text as="p" className={styles.empty}>
          {t('empty', locale)}
        </Text>
      ) : (
        <MetricTable periods={model.periods} rows={model.rows} locale={locale} />
      )}
    </FluentProvider>
  );
}
