export { memorySecretStore, secretEnvName, secretPlace, type SecretStore } from './store';
export { REDACTED, Redactor } from './redact';
