import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { tokenId, type TokenId, type TokenRecord, type UserId } from '../domain/model';

/**
 * API tokens look like `fp_<id>_<secret>`. The id finds the record; only sha256(salt + secret) is
 * stored, with a random salt per token, so a copy of the database signs nobody in.
 */
const TOKEN = /^fp_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedToken {
  tokenId: TokenId;
  secret: string;
}

export function parseToken(text: string): ParsedToken | undefined {
  const m = TOKEN.exec(text.trim());
  return m ? { tokenId: tokenId(m[1]!), secret: m[2]! } : undefined;
}

const hashSecret = (salt: string, secret: string): string => createHash('sha256').update(`${salt}:${secret}`).digest('hex');

/** A new token: the text to hand to its user once, and the record to store. */
export function newToken(user: UserId, label: string, createdAt: string, expiresAt: string | null): { token: string; record: TokenRecord } {
  const id = tokenId(randomBytes(10).toString('hex').slice(0, 16));
  const secret = randomBytes(32).toString('base64url');
  return { token: `fp_${id}_${secret}`, record: recordFor({ tokenId: id, secret }, user, label, createdAt, expiresAt) };
}

/** The stored record for a token whose text is already known (the admin token file). */
export function recordFor(parsed: ParsedToken, user: UserId, label: string, createdAt: string, expiresAt: string | null): TokenRecord {
  const salt = randomBytes(16).toString('hex');
  return { tokenId: parsed.tokenId, userId: user, salt, hash: hashSecret(salt, parsed.secret), label, createdAt, expiresAt, revokedAt: null };
}

/** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
export function secretMatches(record: TokenRecord, secret: string): boolean {
  const expected = Buffer.from(record.hash, 'hex');
  const actual = Buffer.from(hashSecret(record.salt, secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
