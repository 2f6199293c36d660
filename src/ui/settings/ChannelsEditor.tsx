import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { type Locale, fillPlaceholders } from '../../core/i18n';
import type { SessionActions } from '../session';
import type { PaneSettings } from '../session/state';
import { SETTINGS_STRINGS as S } from './strings';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderLeft: `2px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '120px' },
});

type Channel = PaneSettings['channels'][number];
const TYPES = ['wecom', 'dingtalk', 'feishu', 'teams', 'slack', 'webhook', 'email'] as const;

/** The channel's secret is named after it, so the definition in the workbook never holds it. */
export const channelSecretName = (id: string): string => `CHANNEL_${id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

interface ChannelsProps {
  channels: readonly Channel[];
  locale: Locale;
  actions: SessionActions;
  problemAt: (path: string) => string | undefined;
  onChange: (channels: Channel[]) => void;
}

export function ChannelsEditor({ channels, locale: l, actions, problemAt, onChange }: ChannelsProps) {
  const styles = useStyles();
  const set = (i: number, patch: Partial<Channel>): void => onChange(channels.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <section aria-label={S.channels[l]}>
      <Text as="h3" weight="semibold">{S.channels[l]}</Text>
      <ul className={styles.list}>
        {channels.map((c, i) => (
          <li key={i} className={styles.item}>
            <div className={styles.row}>
              <Field className={styles.grow} label={S.channelId[l]} validationMessage={problemAt(`channels[${i}].id`)}>
                <Input value={c.id} onChange={(_, d) => set(i, { id: d.value })} />
              </Field>
              <Field label={S.channelType[l]}>
                <Select value={c.type} onChange={(_, d) => set(i, { type: d.value })}>
                  {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                </Select>
              </Field>
            </div>
            <Field label={S.channelUrl[l]} validationMessage={problemAt(`channels[${i}].url`)}>
              <Input type="url" value={c.url} onChange={(_, d) => set(i, { url: d.value })} />
            </Field>
            {c.id && <ChannelSecret id={c.id} locale={l} actions={actions} />}
            <div>
              <Button size="small" appearance="subtle" onClick={() => onChange(channels.filter((_, j) => j !== i))}>{fillPlaceholders(S.removeChannel[l], { id: c.id })}</Button>
            </div>
          </li>
        ))}
      </ul>
      <Button size="small" onClick={() => onChange([...channels, { id: '', type: 'wecom', url: '' }])}>{S.addChannel[l]}</Button>
    </section>
  );
}

function ChannelSecret({ id, locale: l, actions }: { id: string; locale: Locale; actions: SessionActions }) {
  const styles = useStyles();
  const [value, setValue] = useState('');
  const save = async (): Promise<void> => {
    if (await actions.saveSecret(channelSecretName(id), value)) setValue('');
  };
  return (
    <div className={styles.row}>
      <Field className={styles.grow} label={fillPlaceholders(S.channelSecret[l], { id })}>
        <Input type="password" autoComplete="off" value={value} onChange={(_, d) => setValue(d.value)} />
      </Field>
      <Button size="small" disabled={value === ''} onClick={() => void save()}>{S.saveSecret[l]}</Button>
    </div>
  );
}
