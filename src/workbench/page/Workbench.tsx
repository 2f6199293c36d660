import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, mergeClasses, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { formatMessage, type Locale, type Localized, type MessageCode, type MessageParams } from '../../core/i18n';
import { WorkbookView } from '../grid';
import type { WorkbenchConfig } from './config';
import { openDemo, openFile, type OpenedWorkbook, type OpenResult } from './open-workbook';
import { PaneSlot } from './PaneSlot';
import { PaneSplitter, usePaneWidth } from './PaneSplitter';
import { usePageStyles } from './styles';

export interface WorkbenchProps {
  locale: Locale;
  theme: 'light' | 'dark';
  config: WorkbenchConfig;
}

type Status = { kind: 'loading'; name: string } | { kind: 'error'; text: Localized } | { kind: 'opened'; text: Localized } | { kind: 'idle' };

/**
 * The browser workbench: a toolbar, the workbook grid on the left and the real pane on the right,
 * both over one memory host. Opening a workbook replaces the host (and restarts the pane, as Excel
 * opens a pane per workbook); a failed open keeps the current one and says why.
 */
export function Workbench({ locale, theme, config }: WorkbenchProps) {
  const styles = usePageStyles();
  const t = (code: MessageCode, params: MessageParams = {}): string => formatMessage(code, params, locale);
  const [book, setBook] = useState<OpenedWorkbook | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading', name: 'demo-workbook.xlsx' });
  const [dropping, setDropping] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const pane = usePaneWidth();

  const open = async (name: string, opening: () => Promise<OpenResult>): Promise<void> => {
    setStatus({ kind: 'loading', name });
    const result = await opening();
    if (!result.ok) return setStatus({ kind: 'error', text: result.error });
    setBook(result.book);
    const sheets = result.book.host.workbook.sheets.filter((s) => s.visible).length;
    setStatus({ kind: 'opened', text: { 'en-US': formatMessage('workbench.opened', { name, sheets }, 'en-US'), 'zh-CN': formatMessage('workbench.opened', { name, sheets }, 'zh-CN') } });
  };
  const openDemoBook = (): Promise<void> => open('demo-workbook.xlsx', openDemo);
  const openUserFile = (file: File | undefined): void => {
    if (file) void open(file.name, () => openFile(file));
  };

  // The demo workbook opens once, on first render.
  useEffect(() => void openDemoBook(), []);
  useEffect(() => {
    // Time-to-interactive for the e2e measurement: the first workbook is in the grid and the pane is mounted.
    if (book?.id === 1) requestAnimationFrame(() => performance.mark('finpulse:workbench-ready'));
  }, [book]);

  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setDropping(false);
    openUserFile(e.dataTransfer.files[0]);
  };

  return (
    <FluentProvider
      theme={theme === 'dark' ? webDarkTheme : webLightTheme}
      lang={locale}
      className={mergeClasses(styles.page, theme === 'dark' ? styles.dark : styles.light, dropping && styles.dropping)}
      // A file dropped anywhere on the page opens; the browser must not navigate to it.
      onDragOver={(e) => {
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDropping(false);
      }}
      onDrop={onDrop}
    >
      <div role="toolbar" aria-label={t('workbench.toolbar')} className={styles.toolbar}>
        <span className={styles.brand}>FinPulse</span>
        <Button size="small" appearance="primary" onClick={() => fileInput.current?.click()}>
          {t('workbench.open')}
        </Button>
        <Button size="small" onClick={() => void openDemoBook()}>
          {t('workbench.reset')}
        </Button>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t('workbench.open')}
          data-testid="open-workbook"
          onChange={(e) => {
            openUserFile(e.target.files?.[0]);
            e.target.value = ''; // the same file can be opened again
          }}
        />
        <span className={styles.bookName} title={book?.name}>
          {book?.name}
        </span>
        {status.kind === 'loading' && <Spinner size="tiny" label={t('workbench.loading', { name: status.name })} />}
      </div>
      {(status.kind === 'error' || status.kind === 'opened') && (
        <MessageBar className={styles.message} intent={status.kind === 'error' ? 'error' : 'success'} layout="multiline" role={status.kind === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{status.text[locale]}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        <section className={styles.gridArea} aria-label={book?.name ?? t('workbench.dropHint')}>
          {book ? <WorkbookView key={book.id} host={book.host} locale={locale} /> : <p className={styles.status}>{t('workbench.dropHint')}</p>}
        </section>
        <PaneSplitter label={t('workbench.resizePane')} {...pane} />
        <aside className={styles.pane} style={{ width: pane.width }} aria-label={t('workbench.showPane')}>
          {book && <PaneSlot key={book.id} host={book.host} config={config} theme={theme} />}
        </aside>
      </div>
    </FluentProvider>
  );
}
