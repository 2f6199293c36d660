export { createExcelHost, type ExcelHost, type ExcelHostDeps } from './excel-host';
export { fromOffice } from './from-office';
export { DEFAULT_LIMITS, type HostLimits } from './batch';
export { detectFeatures, type Features, type NoteKind, type IsSetSupported } from './features';
export type { DocumentSettings, XlContext, XlRun } from './office-types';
