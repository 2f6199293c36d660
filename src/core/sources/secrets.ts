import { AppError } from '../errors';
import { secretPlace, type SecretStore } from '../secrets';

/** The secret's value, or an error that says which secret is missing and where to set it. */
export async function requireSecret(store: SecretStore, name: string, sourceId: string): Promise<string> {
  const value = await store.get(name);
  if (value === undefined || value === '') throw new AppError('source.secretMissing', { source: sourceId, name, env: secretPlace(store, name) });
  return value;
}
