// server/api/*.ts of a Nuxt app (Nitro, h3): profile and team endpoints.
import {
  createError,
  defineEventHandler,
  getHeader,
  readBody,
  setResponseHeader,
  setResponseHeaders,
  setResponseStatus,
} from 'h3';
import { useSession } from '~/server/utils/session';
import { db } from '~/server/utils/db';

// server/api/profile.get.ts
export const getProfile = defineEventHandler(async (event) => {
  const session = await useSession(event);
  if (!session.user) {
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized' }); // expect: missing-www-authenticate
  }
  return db.profiles.get(session.user.id);
});

// server/api/profile.put.ts
export const putProfile = defineEventHandler(async (event) => {
  const session = await useSession(event);
  if (!session.user) {
    setResponseStatus(event, 401);
    setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="app"');
    return { error: 'login required' };
  }
  return db.profiles.update(session.user.id, await readBody(event));
});

// server/api/profile/avatar.get.ts
export const getAvatar = defineEventHandler(async (event) => {
  const session = await useSession(event);
  if (!session.user) {
    setResponseStatus(event, 401, 'Unauthorized'); // expect: missing-www-authenticate
    return null;
  }
  return db.avatars.get(session.user.id);
});

// server/api/team.get.ts
export const getTeam = defineEventHandler(async (event) => {
  const session = await useSession(event);
  if (!session.user) {
    setResponseHeaders(event, { 'WWW-Authenticate': 'Bearer realm="app"', 'Cache-Control': 'no-store' });
    setResponseStatus(event, 401);
    return { error: 'login required' };
  }
  return db.teams.of(session.user.id);
});

// server/api/team.delete.ts
export const deleteTeam = defineEventHandler(async (event) => {
  const session = await useSession(event);
  if (!session.user) {
    setResponseStatus(event, 401);
    setResponseHeader(event, 'www-authenticate', 'Bearer realm="app"');
    return { error: 'login required' };
  }
  if (session.user.role !== 'owner') {
    throw createError({ statusCode: 401, statusMessage: 'Only owners can delete a team' }); // expect: missing-www-authenticate, unauthorized-for-permission
  }
  await db.teams.remove(session.user.teamId);
  return { ok: true };
});

// server/api/team/invite.post.ts
export const inviteMember = defineEventHandler(async (event) => {
  const token = getHeader(event, 'authorization');
  if (!token) {
    throw createError({ statusCode: 403, statusMessage: 'Missing token' }); // expect: forbidden-for-missing-credentials
  }
  const inviter = await db.users.byToken(token);
  if (!inviter.permissions.includes('team:invite')) {
    throw createError({ statusCode: 403, statusMessage: 'Not allowed to invite members' });
  }
  return db.teams.invite(inviter.teamId, await readBody(event));
});
