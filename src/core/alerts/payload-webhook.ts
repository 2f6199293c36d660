import type { AlertMessage } from './message';
import type { Json, JsonObject, Signing } from './payload';
import { renderText } from './render';

export const SIGNATURE_HEADER = 'X-FinPulse-Signature';
export const TIMESTAMP_HEADER = 'X-FinPulse-Timestamp';

const nullable = (v: number | null): Json => v;

/**
 * The generic webhook body: the rendered message plus the finding as data, so a receiver can
 * route on it. `sentAt` is inside the signed body, so a receiver can reject replays.
 */
export function webhookPayload(m: AlertMessage, _format: string | undefined, nowMs: number): JsonObject {
  const f = m.content.finding;
  const finding: JsonObject = {
    id: f.id,
    metricId: f.metricId,
    period: f.period,
    kind: f.kind,
    detector: f.detector,
    actual: nullable(f.actual),
    expected: nullable(f.expected),
    lower: nullable(f.lower),
    upper: nullable(f.upper),
    score: f.score,
    severity: f.severity,
    favourable: f.favourable,
    member: f.member ? { ...f.member } : null,
    drivers: f.drivers.map((d) => ({ ...d })),
    explanation: { ...f.explanation },
  };
  return {
    type: 'finpulse.alert',
    version: 1,
    sentAt: new Date(nowMs).toISOString(),
    test: m.content.test === true,
    locale: m.locale,
    severity: m.severity,
    title: m.title,
    text: renderText(m),
    link: m.link?.url ?? null,
    rule: m.content.rule ? { id: m.content.rule.id } : null,
    finding,
  };
}

/** `X-FinPulse-Signature: sha256=<hex HMAC-SHA256 of the raw body under the secret>`, the usual webhook convention. */
export const webhookSigning: Signing = {
  input: (secret, _nowMs, body) => ({ key: secret, data: body, encoding: 'hex' }),
  apply: (req, signature, nowMs) => ({
    ...req,
    headers: { ...req.headers, [SIGNATURE_HEADER]: `sha256=${signature}`, [TIMESTAMP_HEADER]: String(Math.floor(nowMs / 1000)) },
  }),
};
