import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createDexieSecretStore, SECRET_DB } from './secret-store';

const rawRecords = (dbName: string, store: string): Promise<unknown[]> =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const req = open.result.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result as unknown[]);
      };
      req.onerror = () => reject(new Error(String(req.error)));
    };
  });

const SECRET = 'sk-live-4f9c2e7d1a';

describe('the pane secret store', () => {
  const name = `${SECRET_DB}-test-${process.pid}`;

  it('keeps values encrypted at rest under a non-extractable key, readable after reopening', async () => {
    const first = createDexieSecretStore({ name, indexedDB, IDBKeyRange });
    await first.set('ERP_TOKEN', SECRET);
    expect(await first.get('ERP_TOKEN')).toBe(SECRET);
    first.close();

    const rows = await rawRecords(name, 'secrets');
    expect(rows).toHaveLength(1);
    const row = rows[0] as { name: string; iv: Uint8Array; data: ArrayBuffer };
    const bytes = Buffer.from(row.data);
    expect(bytes.toString('latin1')).not.toContain(SECRET);
    expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
    // AES-GCM: the plaintext plus a 16-byte tag, under a fresh 12-byte nonce.
    expect(bytes.length).toBe(SECRET.length + 16);
    expect(row.iv).toHaveLength(12);
    const [key] = (await rawRecords(name, 'keys')) as Array<{ key: CryptoKey }>;
    expect(key!.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key!.key)).rejects.toThrow();

    const second = createDexieSecretStore({ name, indexedDB, IDBKeyRange });
    expect(await second.get('ERP_TOKEN')).toBe(SECRET);
    expect(await second.get('MISSING')).toBeUndefined();
    expect(await second.names()).toEqual(['ERP_TOKEN']);
    await second.delete('ERP_TOKEN');
    expect(await second.get('ERP_TOKEN')).toBeUndefined();
    second.close();
  });

  it('binds each ciphertext to its name: a record copied under another name does not decrypt', async () => {
    const store = createDexieSecretStore({ name: `${name}-swap`, indexedDB, IDBKeyRange });
    await store.set('A', 'alpha');
    await store.set('B', 'bravo');
    store.close();
    const rows = (await rawRecords(`${name}-swap`, 'secrets')) as Array<{ name: string; iv: Uint8Array; data: ArrayBuffer }>;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(`${name}-swap`);
      open.onsuccess = () => {
        const tx = open.result.transaction('secrets', 'readwrite');
        tx.objectStore('secrets').put({ ...rows.find((r) => r.name === 'A')!, name: 'B' });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(new Error(String(tx.error)));
      };
    });
    const reopened = createDexieSecretStore({ name: `${name}-swap`, indexedDB, IDBKeyRange });
    await expect(reopened.get('B')).rejects.toMatchObject({ code: 'pane.secretStore' });
    expect(await reopened.get('A')).toBe('alpha');
    reopened.close();
  });
});
