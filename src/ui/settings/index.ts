// The Settings view: language, name, theme (per user); sensitivity, catalog service, channels (per workbook).
export { SettingsView } from './SettingsView';
export { channelSecretName } from './ChannelsEditor';
