// Login, logout, the current user, passwords and (for administrators) accounts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { appError, GLOBAL_ROLES, LIMITS, PROTOCOL_VERSION } from '../../core/index.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { Clock } from '../meetings/service.ts';
import { parseOr400, requireUser, sendError, SESSION_COOKIE, tokenOf } from './common.ts';

const LoginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
const PasswordBody = z
  .strictObject({
    oldPassword: z.string().min(1).max(200),
    newPassword: z.string().min(8, 'must be at least 8 characters').max(200),
  })
  // "changing" a one-time password to itself would keep it
  .refine((b) => b.newPassword !== b.oldPassword, {
    path: ['newPassword'],
    message: 'must differ from the current password',
  });
const NewAccountBody = z.strictObject({
  username: z.string().regex(/^[a-zA-Z0-9._-]{2,64}$/, 'use 2-64 letters, digits, dot, _ or -'),
  displayName: z.string().trim().min(1).max(LIMITS.name),
  globalRole: z.enum(GLOBAL_ROLES),
  password: z.string().min(8).max(200).optional(),
});
const AccountPatch = z.strictObject({ active: z.boolean() });
const IdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: { accounts: AccountService; clock: Clock; version: string; secureCookie: boolean },
): void {
  const { accounts } = deps;

  app.get('/api/info', async () => ({
    name: 'eCabinet',
    version: deps.version,
    protocol: PROTOCOL_VERSION,
  }));

  app.post('/api/login', async (req, reply) => {
    const body = parseOr400(LoginBody, req.body, reply);
    if (!body) return reply;
    const result = await accounts.login(body.username, body.password, req.ip);
    if (!result.ok) {
      if (result.retryAfterMs) reply.header('Retry-After', Math.ceil(result.retryAfterMs / 1000));
      return sendError(reply, result.error);
    }
    const maxAge = Math.floor((Date.parse(result.expiresAt) - deps.clock.now().getTime()) / 1000);
    reply.header(
      'Set-Cookie',
      `${SESSION_COOKIE}=${result.token}; Path=/api; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${deps.secureCookie ? '; Secure' : ''}`,
    );
    return { token: result.token, expiresAt: result.expiresAt, user: result.user };
  });

  app.post('/api/logout', async (req, reply) => {
    const token = tokenOf(req);
    if (token) await accounts.logout(token);
    reply.header(
      'Set-Cookie',
      `${SESSION_COOKIE}=; Path=/api; HttpOnly; SameSite=Strict; Max-Age=0`,
    );
    return reply.code(204).send();
  });

  // these two (and logout) are open to an account that must still change its one-time password
  app.get('/api/me', async (req, reply) => {
    const who = requireUser(accounts, req, reply, { beforePasswordChange: true });
    if (!who) return reply;
    return { user: accounts.list().find((a) => a.id === who.userId) };
  });

  app.post('/api/password', async (req, reply) => {
    const who = requireUser(accounts, req, reply, { beforePasswordChange: true });
    if (!who) return reply;
    const body = parseOr400(PasswordBody, req.body, reply);
    if (!body) return reply;
    const error = await accounts.changePassword(
      who.userId,
      body.oldPassword,
      body.newPassword,
      who.tokenHash,
    );
    return error ? sendError(reply, error) : reply.code(204).send();
  });

  app.get('/api/accounts', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    if (who.globalRole === 'member')
      return sendError(
        reply,
        appError('FORBIDDEN', 'Only secretaries and administrators see accounts.'),
      );
    // a secretary only invites people: active accounts are the ones that can be invited
    const list = accounts.list();
    return { accounts: who.globalRole === 'admin' ? list : list.filter((a) => a.active) };
  });

  app.post('/api/accounts', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    if (who.globalRole !== 'admin')
      return sendError(reply, appError('FORBIDDEN', 'Only administrators create accounts.'));
    const body = parseOr400(NewAccountBody, req.body, reply);
    if (!body) return reply;
    const created = await accounts.create(body);
    if ('error' in created) return sendError(reply, created.error);
    return reply.code(201).send(created);
  });

  app.patch('/api/accounts/:id', async (req, reply) => {
    const who = requireUser(accounts, req, reply);
    if (!who) return reply;
    if (who.globalRole !== 'admin')
      return sendError(reply, appError('FORBIDDEN', 'Only administrators change accounts.'));
    const params = parseOr400(IdParams, req.params, reply);
    const body = params && parseOr400(AccountPatch, req.body, reply);
    if (!params || !body) return reply;
    const error = await accounts.setActive(params.id, body.active);
    return error ? sendError(reply, error) : reply.code(204).send();
  });
}
