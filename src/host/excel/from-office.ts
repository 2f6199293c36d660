import { createExcelHost, type ExcelHost, type ExcelHostDeps } from './excel-host';

/**
 * The task pane's door to Excel: the only place the `Excel` and `Office` globals are read. Call it
 * after `Office.onReady`. Excel on the web cannot load notes (ExcelApi 1.18 there), so marks explain
 * themselves in comments.
 */
export function fromOffice(options: Pick<ExcelHostDeps, 'limits' | 'onError' | 'echoWindowMs'> = {}): ExcelHost {
  return createExcelHost({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    settings: Office.context.document.settings,
    notesLoadable: Office.context.platform !== Office.PlatformType.OfficeOnline,
    ...options,
  });
}
