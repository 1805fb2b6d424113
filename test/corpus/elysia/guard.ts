// Elysia plugins: a session guard in onBeforeHandle, an API-key guard, and a role macro.
import { Elysia, status } from 'elysia';
import { sessions, keys } from './auth';

export const sessionGuard = new Elysia({ name: 'session-guard' })
  .derive({ as: 'scoped' }, async ({ headers }) => ({
    user: await sessions.fromHeader(headers.authorization),
  }))
  .onBeforeHandle({ as: 'scoped' }, ({ user, set }) => {
    if (!user) {
      set.headers['WWW-Authenticate'] = 'Bearer realm="studio"';
      set.status = 'Unauthorized';
      return { error: 'login required' };
    }
  });

// A missing API key refused with 403.
export const apiKeyGuard = new Elysia({ name: 'api-key-guard' })
  .onBeforeHandle({ as: 'scoped' }, async ({ headers, set }) => {
    const key = headers['x-api-key'];
    if (!key) {
      set.status = 403; // expect: forbidden-for-missing-credentials
      return { error: 'API key required' };
    }
    if (!(await keys.valid(key))) {
      set.headers['WWW-Authenticate'] = 'ApiKey realm="studio"';
      set.status = 401;
      return { error: 'invalid API key' };
    }
  });

// The role check of an authenticated user: 403 is right.
export const roles = new Elysia({ name: 'roles' })
  .use(sessionGuard)
  .macro({
    role: (role: string) => ({
      beforeHandle({ user }) {
        if (!user.roles.includes(role)) {
          return status(403, `requires ${role}`);
        }
      },
    }),
  });

// The same macro with 401 for a known user lacking a role.
export const legacyRoles = new Elysia({ name: 'legacy-roles' })
  .use(sessionGuard)
  .macro({
    permission: (permission: string) => ({
      beforeHandle({ user, set }) {
        if (!user.permissions.includes(permission)) {
          set.headers['WWW-Authenticate'] = 'Bearer realm="studio", error="insufficient_scope"';
          set.status = 401; // expect: unauthorized-for-permission
          return { error: `missing permission ${permission}` };
        }
      },
    }),
  });

export const studio = new Elysia()
  .use(apiKeyGuard)
  .use(roles)
  .get('/studio/uploads', () => 'uploads', { role: 'producer' })
  .use(legacyRoles)
  .get('/studio/payouts', () => 'payouts', { permission: 'payouts:read' });
