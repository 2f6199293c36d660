import type { Catalog } from '../catalog';
import { arr, num, obj, oneOf, optional, required, str, type Infer, type JsonSchema } from '../catalog/shape';
import { problem, type Problem } from '../errors';
import { bool, conditionDefs, conditionMetricRefs, conditionShape, scopeShape } from './condition';
import { checkSchedule, scheduleShape } from './schedule';
import { SEVERITIES } from './severity';

const ID = /^[a-z][a-z0-9_-]*$/;
const ID_HINT = 'lower case letters, digits, _ and -, starting with a letter';

/** Placeholders of a dedup key; the default key is the finding's own id. */
export const DEDUP_PLACEHOLDERS = ['rule', 'metric', 'period', 'kind', 'detector', 'member', 'severity'] as const;

export const ruleShape = obj(
  {
    id: required(str({ pattern: ID, hint: ID_HINT })),
    name: optional(obj({ 'zh-CN': required(str({ minLength: 1 })), 'en-US': required(str({ minLength: 1 })) })),
    enabled: optional(bool('false turns the rule off without deleting it')),
    severity: optional(oneOf(SEVERITIES, "The alert's severity; by default the finding's own")),
    scope: optional(scopeShape),
    when: optional(conditionShape, 'Conditions on a finding combined with all / any; every finding in scope when omitted'),
    schedule: optional(scheduleShape),
    notify: optional(oneOf(['once', 'everyTime'] as const, 'once (default): one alert per dedup key, again only if it gets more severe')),
    cooldownMinutes: optional(num({ integer: true, min: 0, doc: 'With everyTime: the least time between two alerts for one dedup key' })),
    dedupKey: optional(str({ minLength: 1, doc: 'Findings with the same key make one alert, e.g. "{metric}|{period}"' })),
    channels: required(arr(str({ minLength: 1 }), { minItems: 1, doc: 'Channel ids to notify' })),
  },
  { doc: 'One alert rule' },
);
export type AlertRule = Infer<typeof ruleShape>;

export const rulesShape = arr(ruleShape, { doc: 'FinPulse alert rules' });

/** JSON Schema of a rules file, for editors. */
export function alertRulesJsonSchema(): JsonSchema {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'FinPulse alert rules', ...rulesShape.schema(), $defs: conditionDefs() };
}

export interface RuleCheck {
  /** Present only when there are no errors. */
  rules?: AlertRule[];
  problems: Problem[];
}

export interface RuleRefs {
  /** Checks that scoped and conditioned metric ids exist. */
  catalog?: Pick<Catalog, 'metrics'>;
  /** Checks that every channel a rule names is defined. */
  channelIds?: readonly string[];
}

/** Validates a list of rules and lists every problem with its path; references are checked when given. */
export function validateAlertRules(value: unknown, refs: RuleRefs = {}): RuleCheck {
  const problems: Problem[] = [];
  if (!Array.isArray(value)) {
    rulesShape.check(value, '$', problems);
    return { problems };
  }
  // Meaning is checked on each rule whose shape is right, so one broken rule hides nothing about the others.
  const valid = value.map((r, i) => ruleShape.check(r, `$[${i}]`, problems));
  checkDuplicateIds(value, problems);
  value.forEach((r, i) => {
    if (valid[i]) checkRule(r as AlertRule, `$[${i}]`, refs, problems);
  });
  return valid.every(Boolean) && !problems.some((p) => p.severity === 'error') ? { rules: value as AlertRule[], problems } : { problems };
}

function checkDuplicateIds(rules: readonly unknown[], problems: Problem[]): void {
  const first = new Map<string, string>();
  rules.forEach((r, i) => {
    const id = (r as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const at = first.get(id);
    if (at) problems.push(problem(`$[${i}].id`, 'alerts.duplicateRule', { id, first: at }));
    else first.set(id, `$[${i}]`);
  });
}

function checkRule(rule: AlertRule, path: string, refs: RuleRefs, problems: Problem[]): void {
  if (rule.schedule) checkSchedule(rule.schedule, `${path}.schedule`, problems);
  if (rule.cooldownMinutes !== undefined && (rule.notify ?? 'once') === 'once') {
    problems.push(problem(`${path}.cooldownMinutes`, 'alerts.cooldownUnused', {}, 'warning'));
  }
  for (const [, name] of rule.dedupKey?.matchAll(/\{(\w*)\}/g) ?? []) {
    if (!(DEDUP_PLACEHOLDERS as readonly string[]).includes(name!)) {
      problems.push(problem(`${path}.dedupKey`, 'alerts.dedupPlaceholder', { name: name!, allowed: DEDUP_PLACEHOLDERS.map((p) => `{${p}}`).join(' ') }));
    }
  }
  if (refs.catalog) checkMetricRefs(rule, path, new Set(refs.catalog.metrics.map((m) => m.id)), problems);
  if (refs.channelIds) {
    const known = refs.channelIds;
    rule.channels.forEach((id, i) => {
      if (!known.includes(id)) problems.push(problem(`${path}.channels[${i}]`, 'alerts.unknownChannel', { id, known: known.join(', ') || '—' }));
    });
  }
}

function checkMetricRefs(rule: AlertRule, path: string, known: ReadonlySet<string>, problems: Problem[]): void {
  const refs: Array<[string, string]> = (rule.scope?.metrics ?? []).map((id, i) => [`${path}.scope.metrics[${i}]`, id]);
  if (rule.when) refs.push(...conditionMetricRefs(rule.when, `${path}.when`));
  for (const [at, id] of refs) if (!known.has(id)) problems.push(problem(at, 'alerts.unknownMetric', { id }));
}
