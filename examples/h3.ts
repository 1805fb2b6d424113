// server/api/team.ts of a Nuxt app (Nitro, h3) with the mistakes HTTP Auth Lint finds. Each expected
// finding is marked at the end of its line with `expect: <rule>`.
import { createError, defineEventHandler, readBody, setResponseHeader, setResponseStatus } from 'h3';
import { useSession } from '~/server/utils/session';
import { teams } from '~/server/utils/teams';

// createError carries no headers, but h3 keeps the ones set on the event before the throw.
export const getTeam = defineEventHandler(async (event) => {
  const session = await useSession(event);
  if (!session.user) {
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized' }); // expect: missing-www-authenticate
  }
  return teams.of(session.user.id);
});

// Right: the challenge is set on the event first.
export const putTeam = defineEventHandler(async (event) => {
  const session = await useSession(event);
  if (!session.user) {
    setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="app"');
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized' });
  }
  return teams.update(session.user.teamId, await readBody(event));
});

export const deleteTeam = defineEventHandler(async (event) => {
  const session = await useSession(event);
  if (!session.user) {
    setResponseStatus(event, 401);
    setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="app"');
    return { error: 'login required' };
  }
  if (session.user.role !== 'owner') {
    setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="app", error="insufficient_scope"');
    throw createError({ statusCode: 401, statusMessage: 'Only owners can delete a team' }); // expect: unauthorized-for-permission
  }
  await teams.remove(session.user.teamId);
  return { ok: true };
});

export const inviteMember = defineEventHandler(async (event) => {
  const session = await useSession(event);
  if (!session.user) {
    setResponseStatus(event, 403, 'Not logged in'); // expect: forbidden-for-missing-credentials
    return { error: 'login required' };
  }
  return teams.invite(session.user.teamId, await readBody(event));
});
