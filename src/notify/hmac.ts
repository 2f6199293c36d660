import type { SigningInput } from '../core/alerts';

const utf8 = new TextEncoder();

/**
 * HMAC-SHA256 through Web Crypto (`globalThis.crypto.subtle`), which Node 20 and every browser
 * have, so one signer serves the CLI, the server and the task pane.
 */
export async function hmacSha256(key: string, data: string): Promise<Uint8Array> {
  const cryptoKey = await globalThis.crypto.subtle.importKey('raw', utf8.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', cryptoKey, utf8.encode(data)));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The signature a platform expects for a signing input. */
export async function sign(input: SigningInput): Promise<string> {
  const mac = await hmacSha256(input.key, input.data);
  return input.encoding === 'hex' ? toHex(mac) : toBase64(mac);
}
