import { Button, Field, Input, Select, Slider, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Problem } from '../../core/errors';
import { LOCALES, type Locale, fillPlaceholders } from '../../core/i18n';
import { CATALOG_TOKEN_SECRET, type PaneViewProps } from '../session';
import type { PaneSettings } from '../session/state';
import { ChannelsEditor } from './ChannelsEditor';
import { SETTINGS_STRINGS as S } from './strings';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '140px' },
});

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

export type TeamSettings = Pick<PaneSettings, 'sensitivity' | 'catalogServer' | 'catalogId' | 'channels'>;

/** Per-user choices apply at once; the workbook's settings are saved together, validated first. */
export function SettingsView({ state, actions }: PaneViewProps) {
  const styles = useStyles();
  const l = state.locale;
  const s = state.settings;
  const [team, setTeam] = useState<TeamSettings>({ sensitivity: s.sensitivity, catalogServer: s.catalogServer, catalogId: s.catalogId ?? '', channels: s.channels });
  const [user, setUser] = useState(s.user);
  const [token, setToken] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [serverCheck, setServerCheck] = useState('');
  const problemAt = (path: string): string | undefined => problems.find((p) => p.path.startsWith(path))?.message[l];

  const save = async (): Promise<void> => setProblems(await actions.saveSettings({ ...team, catalogId: team.catalogId || undefined }));
  const testServer = async (): Promise<void> => setServerCheck((await actions.testCatalogServer(team.catalogServer, token))?.[l] ?? '');

  return (
    <section className={styles.view} aria-label={S.title[l]}>
      <Text as="h2" size={400} weight="semibold">{S.you[l]}</Text>
      <Field label={S.language[l]}>
        <Select value={l} onChange={(_, d) => actions.setLocale(d.value as Locale)}>
          {LOCALES.map((code) => <option key={code} value={code} lang={code}>{LANGUAGE_NAMES[code]}</option>)}
        </Select>
      </Field>
      <Field label={S.user[l]}>
        <Input value={user} onChange={(_, d) => setUser(d.value)} onBlur={() => actions.setUser(user.trim())} />
      </Field>
      <Switch label={S.theme[l]} checked={state.theme === 'dark'} onChange={(_, d) => actions.setTheme(d.checked ? 'dark' : 'light')} />

      <Text as="h2" size={400} weight="semibold">{S.team[l]}</Text>
      <Field label={fillPlaceholders(S.sensitivity[l], { value: team.sensitivity })} hint={S.sensitivityHint[l]} validationMessage={problemAt('sensitivity')}>
        <Slider min={0} max={100} step={1} value={team.sensitivity} onChange={(_, d) => setTeam({ ...team, sensitivity: d.value })} />
      </Field>
      <Field label={S.server[l]} validationMessage={problemAt('catalogServer')}>
        <Input type="url" value={team.catalogServer} placeholder="http://127.0.0.1:8787/api/v1" onChange={(_, d) => setTeam({ ...team, catalogServer: d.value })} />
      </Field>
      <Field label={S.catalogId[l]}>
        <Input value={team.catalogId ?? ''} onChange={(_, d) => setTeam({ ...team, catalogId: d.value })} />
      </Field>
      <div className={styles.row}>
        <Field className={styles.grow} label={S.token[l]}>
          <Input type="password" autoComplete="off" value={token} onChange={(_, d) => setToken(d.value)} />
        </Field>
        <Button disabled={token === ''} onClick={() => void actions.saveSecret(CATALOG_TOKEN_SECRET, token)}>{S.saveToken[l]}</Button>
        <Button disabled={team.catalogServer === ''} onClick={() => void testServer()}>{S.testServer[l]}</Button>
      </div>
      {serverCheck && <Text aria-live="polite">{serverCheck}</Text>}
      <ChannelsEditor channels={team.channels} locale={l} problemAt={problemAt} actions={actions} onChange={(channels) => setTeam({ ...team, channels })} />
      <div>
        <Button appearance="primary" onClick={() => void save()}>{S.save[l]}</Button>
      </div>
    </section>
  );
}
