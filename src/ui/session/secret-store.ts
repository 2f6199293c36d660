import Dexie, { type EntityTable } from 'dexie';
import { AppError } from '../../core/errors';
import type { WritableSecretStore } from './services';

/** Dexie's own option types, so this compiles whatever DOM typings are around. */
type DexieOptions = NonNullable<ConstructorParameters<typeof Dexie>[1]>;

export interface SecretStoreOptions {
  /** Its own database: credentials never share one with history or snapshots. */
  name?: string;
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
  /** WebCrypto; the global one by default. */
  subtle?: SubtleCrypto;
}

interface KeyRow {
  id: string;
  key: CryptoKey;
}

/** What is at rest: ciphertext and its nonce; the name is authenticated data, so a value cannot be moved to another name. */
export interface SecretRow {
  name: string;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

type SecretDb = Dexie & { keys: EntityTable<KeyRow, 'id'>; secrets: EntityTable<SecretRow, 'name'> };

export const SECRET_DB = 'finpulse-secrets';
const KEY_ID = 'aes-gcm';

/**
 * Per-user credentials in IndexedDB, encrypted with AES-GCM under a non-extractable key that also
 * lives in IndexedDB: script can use the key but never read it out, and a copied database file
 * or a dump of the records shows no secret.
 */
export function createDexieSecretStore(opts: SecretStoreOptions = {}): WritableSecretStore & { close(): void } {
  const dexieOpts: DexieOptions = {};
  if (opts.indexedDB) dexieOpts.indexedDB = opts.indexedDB;
  if (opts.IDBKeyRange) dexieOpts.IDBKeyRange = opts.IDBKeyRange;
  const db = new Dexie(opts.name ?? SECRET_DB, dexieOpts) as SecretDb;
  db.version(1).stores({ keys: 'id', secrets: 'name' });
  const subtle = opts.subtle ?? globalThis.crypto?.subtle;
  let keyPromise: Promise<CryptoKey> | undefined;
  const key = (): Promise<CryptoKey> => (keyPromise ??= loadOrCreateKey(db, subtle));
  const aad = (name: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(name);

  return {
    get: (name) =>
      guard(async () => {
        const row = await db.secrets.get(name);
        if (!row) return undefined;
        const plain = await subtle.decrypt({ name: 'AES-GCM', iv: row.iv, additionalData: aad(name) }, await key(), row.data);
        return new TextDecoder().decode(plain);
      }),
    set: (name, value) =>
      guard(async () => {
        const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
        const data = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(name) }, await key(), new TextEncoder().encode(value));
        await db.secrets.put({ name, iv, data });
      }),
    delete: (name) => guard(() => db.secrets.delete(name)),
    names: () => guard(async () => (await db.secrets.toCollection().primaryKeys()).sort()),
    where: (name) => `FinPulse › Sources › ${name}`,
    close: () => db.close(),
  };
}

async function loadOrCreateKey(db: SecretDb, subtle: SubtleCrypto | undefined): Promise<CryptoKey> {
  if (!subtle) throw new AppError('pane.secretStore', { detail: 'WebCrypto is not available (the pane must be served over https or from localhost)' });
  const held = await db.keys.get(KEY_ID);
  if (held) return held.key;
  const key = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // add, not put: when two panes race, the second fails and both then read the winner's key.
  try {
    await db.keys.add({ id: KEY_ID, key });
    return key;
  } catch {
    const winner = await db.keys.get(KEY_ID);
    if (!winner) throw new AppError('pane.secretStore', { detail: 'the encryption key could not be stored' });
    return winner.key;
  }
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('pane.secretStore', { detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }, { cause: err });
  }
}

/** A writable store in memory (tests, and a fallback the user is told about when IndexedDB is blocked). */
export function memoryWritableSecretStore(initial: Readonly<Record<string, string>> = {}): WritableSecretStore {
  const held = new Map(Object.entries(initial));
  return {
    get: (name) => Promise.resolve(held.get(name)),
    set: (name, value) => Promise.resolve(void held.set(name, value)),
    delete: (name) => Promise.resolve(void held.delete(name)),
    names: () => Promise.resolve([...held.keys()].sort()),
  };
}
