/**
 * Where secret values come from: per user and outside the workbook (a secrets file or the
 * environment for the CLI, the pane's protected storage, a vault). Definitions only hold the name.
 */
export interface SecretStore {
  get(name: string): Promise<string | undefined>;
  /** Where a missing secret should be put, for the error message; FINPULSE_SECRET_<NAME> when absent. */
  where?(name: string): string;
}

/** The environment variable the CLI reads a secret from: FINPULSE_SECRET_ plus the name in upper case. */
export const secretEnvName = (name: string): string => `FINPULSE_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

/** Where to put a missing secret, as the store says or else its environment variable. */
export const secretPlace = (store: SecretStore, name: string): string => store.where?.(name) ?? secretEnvName(name);

/** A store over a plain record (tests, the workbench's demo credentials). */
export const memorySecretStore = (values: Readonly<Record<string, string>>): SecretStore => ({
  get: (name) => Promise.resolve(Object.hasOwn(values, name) ? values[name] : undefined),
});
