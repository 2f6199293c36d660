import { LOCALES, type Localized } from '../../core/i18n';
import { BIND_STRINGS } from '../bind/strings';
import { CHART_STRINGS } from '../charts';
import { DASHBOARD_STRINGS, STATUS_NAMES } from '../dashboard/strings';
import { EXPLAIN_STRINGS } from '../explain/strings';
import { DETECTOR_NAMES, FINDINGS_STRINGS, KIND_NAMES, SEVERITY_NAMES } from '../findings/strings';
import { SHELL_STRINGS, VIEW_NAMES } from '../shell/strings';
import { demoPaneState } from './pane-state';

const TABLES: Record<string, Readonly<Record<string, Localized>>> = {
  BIND_STRINGS,
  SHELL_STRINGS,
  VIEW_NAMES,
  CHART_STRINGS,
  DASHBOARD_STRINGS,
  STATUS_NAMES,
  EXPLAIN_STRINGS,
  FINDINGS_STRINGS,
  SEVERITY_NAMES,
  KIND_NAMES,
  DETECTOR_NAMES,
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('view strings', () => {
  const entries = Object.entries(TABLES).flatMap(([table, strings]) => Object.entries(strings).map(([key, text]) => [`${table}.${key}`, text] as const));

  it.each(entries)('%s has text in every language, with the same placeholders', (_key, text) => {
    for (const locale of LOCALES) expect(text[locale]?.trim()).toBeTruthy();
    expect(placeholders(text['zh-CN'])).toEqual(placeholders(text['en-US']));
  });

  it('names every detector that fires on the demo data', () => {
    const detectors = new Set(demoPaneState({}, { breakdown: 'department' }).results!.findings.map((f) => f.detector));
    expect(detectors.size).toBeGreaterThan(3);
    for (const detector of detectors) expect(Object.keys(DETECTOR_NAMES)).toContain(detector);
  });
});
