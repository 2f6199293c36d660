import type { Capabilities } from '../contract';

export type IsSetSupported = (name: string, version: string) => boolean;

/** Where a mark's explanation goes: notes (1.18), else comments (1.10), else nowhere (the pane explains). */
export type NoteKind = 'note' | 'comment' | 'none';

/** What this Excel can do, from `Office.context.requirements.isSetSupported`, never from its name. */
export interface Features {
  noteKind: NoteKind;
  /** getCellProperties / getRowProperties (1.9): fills and hidden rows of many cells in one request. */
  cellProperties: boolean;
  /** getMergedAreasOrNullObject (1.13); without it merges are not reported. */
  mergedAreas: boolean;
  /** getUsedRangeOrNullObject, getItemOrNullObject (1.4). */
  orNullObjects: boolean;
  /** Custom XML parts (1.5) hold the mark registry. */
  xmlParts: boolean;
  /** Selection events for every sheet (1.9), per existing sheet (1.7), or none. */
  selection: 'workbook' | 'sheets' | 'none';
  /** onSingleClicked (1.10): a click on the already selected cell still explains it. */
  clicks: boolean;
}

export function detectFeatures(isSetSupported: IsSetSupported, notesLoadable = true): Features {
  const api = (version: string): boolean => {
    try {
      return isSetSupported('ExcelApi', version);
    } catch {
      return false; // an old host without the requirements API supports nothing optional
    }
  };
  return {
    noteKind: api('1.18') && notesLoadable ? 'note' : api('1.10') ? 'comment' : 'none',
    cellProperties: api('1.9'),
    mergedAreas: api('1.13'),
    orNullObjects: api('1.4'),
    xmlParts: api('1.5'),
    selection: api('1.9') ? 'workbook' : api('1.7') ? 'sheets' : 'none',
    clicks: api('1.10'),
  };
}

export function capabilitiesOf(f: Features, persistentSettings: boolean): Capabilities {
  return { notes: f.noteKind !== 'none', selectionEvents: f.selection !== 'none', clickEvents: f.clicks, persistentSettings };
}
