// The Bind view: feed a source from workbook cells or an ERP source, previewed before it is saved.
export { BindView } from './BindView';
export { PreviewPanel, type PreviewProblem } from './BindingPreviewPanel';
export { bindingOf, EMPTY_FORM, sourceNames, type BindForm } from './model';
