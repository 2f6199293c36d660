import type { AlertMessage } from './message';
import type { JsonObject } from './payload';

const CARD_COLOUR = { notice: 'Accent', warning: 'Warning', critical: 'Attention' } as const;
const THEME_COLOUR = { notice: '2563EB', warning: 'D97706', critical: 'DC2626' } as const;

/** An Adaptive Card in a message attachment, the form Teams incoming webhooks and Workflows accept. */
function adaptiveCard(m: AlertMessage): JsonObject {
  const content: JsonObject = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: m.title, weight: 'Bolder', size: 'Medium', color: CARD_COLOUR[m.severity], wrap: true },
      { type: 'TextBlock', text: m.summary, wrap: true },
      { type: 'FactSet', facts: m.facts.map((f) => ({ title: f.label, value: f.value })) },
      { type: 'TextBlock', text: m.footer, isSubtle: true, size: 'Small', wrap: true },
    ],
    actions: m.link ? [{ type: 'Action.OpenUrl', title: m.link.label, url: m.link.url }] : [],
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }] };
}

/** The legacy Office 365 connector card, for webhooks that only take MessageCard. */
function messageCard(m: AlertMessage): JsonObject {
  const card: JsonObject = {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: m.title,
    themeColor: THEME_COLOUR[m.severity],
    title: m.title,
    text: m.summary,
    sections: [{ facts: m.facts.map((f) => ({ name: f.label, value: f.value })), text: m.footer }],
  };
  if (m.link) card['potentialAction'] = [{ '@type': 'OpenUri', name: m.link.label, targets: [{ os: 'default', uri: m.link.url }] }];
  return card;
}

/** Microsoft Teams incoming webhook: an Adaptive Card attachment (default) or a MessageCard. */
export function teamsPayload(m: AlertMessage, format: string | undefined): JsonObject {
  return format === 'messageCard' ? messageCard(m) : adaptiveCard(m);
}
