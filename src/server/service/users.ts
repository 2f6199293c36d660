import { AppError } from '../../core/errors';
import { newToken, parseToken, recordFor, secretMatches } from '../auth/tokens';
import { ID_PATTERN, ROLES, tokenId, userId, type Role, type User, type UserId } from '../domain/model';
import type { IssuedToken, TokenView, UserView } from '../api/types';
import type { ServiceDeps } from './deps';
import { checkObject, isFutureDateTime, isOneOf, isText, isTextList, optionalString } from './input';
import { assertAdmin } from './permissions';
import { tokenView, userView } from './views';

/** Users, their tokens, and turning an Authorization header into a user. */
export function userOperations(deps: ServiceDeps) {
  const { repo } = deps;

  const audit = (actor: UserId, action: string, target: string, detail: Record<string, string | null>) => ({
    at: deps.now(),
    actor,
    action,
    catalogId: null,
    target,
    detail,
  });

  return {
    /** Bearer token → user; missing, unknown, revoked and expired tokens each get their own 401. */
    async authenticate(authorization: string | undefined): Promise<User> {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
      if (!bearer) throw new AppError('server.auth.missing');
      const parsed = parseToken(bearer);
      const record = parsed && (await repo.getToken(parsed.tokenId));
      if (!parsed || !record || record.revokedAt !== null || !secretMatches(record, parsed.secret)) throw new AppError('server.auth.invalid');
      if (record.expiresAt !== null && Date.parse(record.expiresAt) <= Date.parse(deps.now())) throw new AppError('server.auth.expired', { at: record.expiresAt });
      const user = await repo.getUser(record.userId);
      if (!user) throw new AppError('server.auth.invalid');
      return user;
    },

    async createUser(actor: User, raw: unknown): Promise<UserView> {
      assertAdmin(actor, 'users.create');
      const body = checkObject(raw, {
        id: { check: isText({ pattern: ID_PATTERN, hint: 'lower_snake_case, starting with a letter' }), required: true },
        name: { check: isText({ max: 200 }), required: true },
        role: { check: isOneOf(ROLES), required: true },
        departments: { check: isTextList(isText({ max: 100 })) },
      });
      const departments = Array.isArray(body['departments']) ? body['departments'].filter((d): d is string => typeof d === 'string') : [];
      const user: User = { id: userId(optionalString(body, 'id') ?? ''), name: optionalString(body, 'name') ?? '', role: body['role'] as Role, departments, createdAt: deps.now() };
      const created = await repo.createUser(user, audit(actor.id, 'user.create', user.id, { role: user.role, departments: departments.join(', ') }));
      if (!created) throw new AppError('server.user.exists', { id: user.id });
      return userView(user);
    },

    async listUsers(actor: User): Promise<UserView[]> {
      assertAdmin(actor, 'users.list');
      return (await repo.listUsers()).map(userView);
    },

    /** Admins issue tokens for anyone; the token text is returned once and only its hash is kept. */
    async issueToken(actor: User, forUser: string, raw: unknown): Promise<IssuedToken> {
      assertAdmin(actor, 'tokens.create');
      const body = checkObject(raw ?? {}, { label: { check: isText({ max: 200 }) }, expiresAt: { check: isFutureDateTime(deps.now()) } });
      const owner = await repo.getUser(userId(forUser));
      if (!owner) throw new AppError('server.notFound.user', { id: forUser });
      const expiresAt = optionalString(body, 'expiresAt');
      const issued = newToken(owner.id, optionalString(body, 'label') ?? 'api', deps.now(), expiresAt === null ? null : new Date(expiresAt).toISOString());
      await repo.createToken(issued.record, audit(actor.id, 'token.create', issued.record.tokenId, { user: owner.id, expiresAt: issued.record.expiresAt }));
      return { ...tokenView(issued.record), token: issued.token };
    },

    async listTokens(actor: User, forUser: string): Promise<TokenView[]> {
      if (actor.id !== forUser) assertAdmin(actor, 'tokens.list');
      return (await repo.listTokens(userId(forUser))).map(tokenView);
    },

    /** Users may revoke their own tokens; admins any. */
    async revokeToken(actor: User, id: string): Promise<void> {
      const record = await repo.getToken(tokenId(id));
      if (!record) throw new AppError('server.notFound.token', { id });
      if (record.userId !== actor.id) assertAdmin(actor, 'tokens.revoke');
      await repo.revokeToken(record.tokenId, deps.now(), audit(actor.id, 'token.revoke', record.tokenId, { user: record.userId }));
    },

    /**
     * First start: makes sure the admin user exists and the token in the admin token file signs it
     * in. Returns the token text when a new one was made (to be written to the file).
     */
    async ensureAdmin(adminId: UserId, tokenText: string | undefined): Promise<string | undefined> {
      const at = deps.now();
      const admin: User = { id: adminId, name: 'Administrator', role: 'admin', departments: [], createdAt: at };
      await repo.createUser(admin, audit(adminId, 'user.create', adminId, { role: 'admin', departments: '' }));
      const parsed = tokenText === undefined ? undefined : parseToken(tokenText);
      if (parsed) {
        const known = await repo.getToken(parsed.tokenId);
        if (known && known.userId === adminId && known.revokedAt === null && secretMatches(known, parsed.secret)) return undefined;
        if (!known) {
          await repo.createToken(recordFor(parsed, adminId, 'admin token file', at, null), audit(adminId, 'token.create', parsed.tokenId, { user: adminId, expiresAt: null }));
          return undefined;
        }
      }
      const issued = newToken(adminId, 'admin token file', at, null);
      await repo.createToken(issued.record, audit(adminId, 'token.create', issued.record.tokenId, { user: adminId, expiresAt: null }));
      return issued.token;
    },
  };
}

export type UserOperations = ReturnType<typeof userOperations>;
