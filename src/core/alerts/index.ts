// Alert rules, their evaluation and state, message templates and channel payloads. Pure: the
// sending (fetch, HMAC, SMTP, retries, delivery log) lives in src/notify.
export { SEVERITIES, severityAtLeast, severityRank } from './severity';
export { FINDING_KINDS, deviationPct, matchesCondition, matchesScope, type Condition, type LeafCondition, type Scope } from './condition';
export { parseCron, type CronSpec } from './cron';
export { isDue, isTimeZone, type Schedule } from './schedule';
export { DEDUP_PLACEHOLDERS, alertRulesJsonSchema, validateAlertRules, type AlertRule, type RuleCheck, type RuleRefs } from './rule';
export {
  STATE_RETENTION_DAYS,
  emptyAlertState,
  pruneState,
  releaseAlerts,
  withAcknowledgements,
  type Acknowledgement,
  type AlertKey,
  type AlertState,
  type SentRecord,
} from './state';
export { dedupKeyOf, evaluateRules, type Alert, type EvaluateInput, type Evaluation } from './evaluate';
export { alertContent, alertLink, alertMessage, type AlertContent, type AlertMessage, type Fact, type FactKey } from './message';
export { clip, clipUtf8, escapeHtml, escapeMarkdown, escapeSlack, renderHtml, renderMarkdown, renderText, utf8Length } from './render';
export { CHANNEL_FORMATS, CHANNEL_TYPES, validateChannels, type ChannelCheck, type ChannelDef, type ChannelType, type HttpChannelType } from './channel';
export { prepareRequest, type HttpRequest, type HttpTarget, type Json, type JsonObject, type PreparedRequest, type SigningInput } from './payload';
export { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './payload-webhook';
export { emailPayload, type EmailPayload } from './payload-email';
export { sampleAlertContent } from './sample';
