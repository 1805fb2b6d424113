import { ruleTester } from '../rule-tester';

const route = (body: string) => `import express from 'express';
const router = express.Router();
router.delete('/posts/:id', async (req, res) => {
${body}
});
`;

ruleTester('unauthorized-for-permission', {
  valid: [
    // A permission check of a caller nothing identified (no read of the caller, no earlier
    // credentials check, no auth middleware): logging in may well help, a 401 can be right
    route(`  if (!(await canDeletePost(req.params.id))) return res.status(401).json({ error: 'nope' });`),
    // a 401 of a function declared earlier runs only if called: it identifies nobody
    route(`  const deny = () => res.status(401).json({ error: 'sign in' });\n  if (!(await canDeletePost(req.params.id))) return res.status(401).json({ error: 'nope' });`),
    // a route path is no middleware, even when it names a login
    `import express from 'express';\nconst ROUTES = { login: '/login' };\nconst app = express();\napp.post(ROUTES.login, async (req, res) => {\n  if (!(await canDeletePost(req.params.id))) return res.status(401).json({ error: 'nope' });\n});\n`,
    // the userId of another object may be anyone's (the member removed), not the caller's
    `import { UnauthorizedException } from '@nestjs/common';\nexport class RemoveMember {\n  async execute(data: { userId: string; orgId: string }) {\n    if (!(await canManageOrg(data.orgId))) throw new UnauthorizedException();\n    await members.remove(data.userId);\n  }\n}\n`,
    // a guard that limits the rate identifies nobody
    `import { Controller, Delete, UseGuards, UnauthorizedException } from '@nestjs/common';\n@Controller('posts')\nexport class PostsController {\n  @UseGuards(ThrottlerGuard)\n  @Delete(':id')\n  async remove(id: string) {\n    if (!(await canDeletePost(id))) throw new UnauthorizedException();\n  }\n}\n`,
    // Missing or invalid credentials: 401 is right
    route(`  if (!req.user) {\n    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'login required' });\n  }`),
    route(`  if (!req.headers.authorization) return res.sendStatus(401);`),
    route(`  const token = req.get('authorization');\n  if (!token || !verifyJwt(token)) return res.sendStatus(401);`),
    route(`  if (!(await bcrypt.compare(req.body.password, user.passwordHash))) return res.sendStatus(401);`),
    // Both at once: either status could be meant, so no opinion
    route(`  if (!req.user || !req.user.isAdmin) return res.sendStatus(401);`),
    // The message of a send that writes a variable is said for every status it holds
    `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  let status = 500;\n  switch (err.type) {\n    case 'unauthorized':\n      status = 401;\n      break;\n  }\n  res.status(status).json({ error: err.message || 'Not allowed' });\n});\n`,
    // "Only allowed" with credentials: no opinion
    route(`  if (await denied(req)) return res.status(401).json({ error: 'Access only allowed with a valid API key' });`),
    // A role check whose message says the caller is not logged in after all
    route(`  if (!session.user) return res.status(401).json({ error: 'Only allowed for logged-in users' });`),
    route(`  if (req.user.role === 'anonymous') return res.status(401).json({ error: 'Please log in' });`),
    route(`  if (!req.user.roles.includes('admin')) return res.status(401).json({ error: 'invalid token' });`),
    // Permission failures already answered with 403
    route(`  if (req.user.role !== 'admin') return res.status(403).json({ error: 'admins only' });`),
    // No evidence either way
    route(`  if (result.failed) return res.sendStatus(401);`),
    route(`  res.status(401).json({ error: 'Unauthorized' });`),
    // A guard that says the permission is there on this path
    route(`  if (req.user.role === 'admin') return res.sendStatus(401);`),
    // A switch over error codes that answers each as it should, a label that names no failure,
    // and a label whose words disagree with what the switch tests (a role, or no login?)
    `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  switch (err.code) {\n    case 'UNAUTHENTICATED':\n      return res.set('WWW-Authenticate', 'Bearer').status(401).end();\n    case 'FORBIDDEN':\n      return res.status(403).end();\n  }\n  next(err);\n});\n`,
    route(`  switch (req.user.role) {\n    case 'viewer':\n      return res.sendStatus(401);\n  }`),
    route(`  switch (req.user.role) {\n    case 'guest':\n      return res.sendStatus(401);\n  }`),
    route(`  if (req.user.role === 'guest') return res.sendStatus(401);`),
    // An error handler knows no caller: a permission code may be a guest's, and a 401 may be right
    `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  switch (err.code) {\n    case 'PERMISSION_DENIED':\n      return res.set('WWW-Authenticate', 'Bearer').status(401).end();\n  }\n  next(err);\n});\n`,
    // A clause that another falls into with statements, or whose labels name no failure as well,
    // runs for other codes too
    route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  switch (err.code) {\n    case 'TOKEN_EXPIRED':\n      res.set('WWW-Authenticate', 'Bearer error="invalid_token"');\n    case 'FORBIDDEN':\n      return res.status(401).end();\n  }`),
    route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  switch (err.code) {\n    case 'UNAUTHORIZED':\n    case 'FORBIDDEN':\n      return res.status(401).end();\n  }`),
    route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  if (err.code === 'FORBIDDEN' || err.code === 'UNAUTHORIZED') return res.status(401).end();`),
    route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  switch (err.code) {\n    case 'FORBIDDEN':\n    case 'UNAUTHORIZED':\n      return res.status(401).end();\n  }`),
    // A CSRF code checks the request, not the caller
    route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  if (err.code === 'CSRF_FORBIDDEN') return res.set('WWW-Authenticate', 'Bearer').status(401).end();`),
    // An error told apart by its code earlier is no check of the request's credentials
    `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  if (err.code === 'UNAUTHENTICATED') return res.set('WWW-Authenticate', 'Bearer').status(401).end();\n  if (err.code === 'FORBIDDEN') return res.set('WWW-Authenticate', 'Bearer').status(401).end();\n  next(err);\n});\n`,
    // Constants that name no auth failure: OAuth's invalid_grant (a bad code or refresh token), a
    // role of an enum, a banned account
    route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  if (err.code === 'invalid_grant') return res.set('WWW-Authenticate', 'Bearer error="invalid_grant"').status(401).end();`),
    route(`  if (req.user.role === Role.Guest) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);`),
    route(`  if (req.user.role === 'banned') return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);`),
    // default falls into the clause: any code runs it
    `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  switch (err.code) {\n    default:\n    case 'FORBIDDEN':\n      return res.sendStatus(401);\n  }\n});\n`,
    // the code is compared with the failure, but the site runs when it is not that one
    route(`  if (err.code !== 'FORBIDDEN') return res.sendStatus(401);`),
    // A membership looked up by the token itself, or by an id of a caller who may be gone: no
    // identified caller's membership, so a 401 may be right
    route(`  const member = await getMember(req.params.orgId, req.headers.authorization);\n  if (!member) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);`),
    route(`  const membership = await getTeamMember(req.params.teamId, req.user?.id);\n  if (!membership) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);`),
    // A member looked up by the request's token is the caller themselves: 401 is right
    route(`  const member = await members.findByToken(req.headers.authorization);\n  if (!member) return res.sendStatus(401);`),
    // Evidence guarding a different status
    route(`  if (!canDelete(req.user, post)) return res.sendStatus(403);\n  res.sendStatus(401);`),
  ],
  invalid: [
    {
      name: 'a case of an enum member that names a permission failure, after a check that left on missing credentials',
      code: route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  switch (await removePost(req.params.id)) {\n    case Result.PermissionDenied:\n      return res.set('WWW-Authenticate', 'Bearer').status(401).json({});\n  }`),
      errors: [{ text: "res.set('WWW-Authenticate', 'Bearer').status(401)", messageIncludes: 'the guard checks `case Result.PermissionDenied` of `switch (await removePost(req.params.id))`; an earlier check of `!req.user` left on missing credentials', related: 1 }],
      output: route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  switch (await removePost(req.params.id)) {\n    case Result.PermissionDenied:\n      return res.set('WWW-Authenticate', 'Bearer').status(403).json({});\n  }`),
    },
    {
      name: "a caught error's code compared with a permission failure, the caller known",
      code: route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  try {\n    await removePost(req.params.id);\n  } catch (err) {\n    if (err.code === 'FORBIDDEN') return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  }`),
      errors: [{ text: "res.set('WWW-Authenticate', 'Bearer').sendStatus(401)", occurrence: 1, messageIncludes: "the guard checks `err.code === 'FORBIDDEN'`" }],
      output: route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  try {\n    await removePost(req.params.id);\n  } catch (err) {\n    if (err.code === 'FORBIDDEN') return res.set('WWW-Authenticate', 'Bearer').sendStatus(403);\n  }`),
    },
    {
      name: "the caller's membership of a team, looked up and not found",
      code: route(`  const session = await getSession(req);\n  if (!session) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  const membership = await prisma.membership.findFirst({ where: { userId: session.userId, teamId: req.params.teamId } });\n  if (!membership) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);`),
      errors: [{ text: "res.set('WWW-Authenticate', 'Bearer').sendStatus(401)", occurrence: 1, messageIncludes: "the guard checks `!membership`, the caller's membership, looked up" }],
      output: route(`  const session = await getSession(req);\n  if (!session) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  const membership = await prisma.membership.findFirst({ where: { userId: session.userId, teamId: req.params.teamId } });\n  if (!membership) return res.set('WWW-Authenticate', 'Bearer').sendStatus(403);`),
    },
    {
      name: 'a status chosen in a variable on a failed role check: rewritten where it is chosen',
      code: route(`  let status = 200;\n  if (req.user.role !== 'admin') status = 401;\n  res.status(status).json({});`),
      errors: [{ text: 'status = 401', occurrence: 0 }],
      output: route(`  let status = 200;\n  if (req.user.role !== 'admin') status = 403;\n  res.status(status).json({});`),
    },
    {
      name: 'a guard whose message restricts the action to a place: only allowed there',
      code: `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';\n@Injectable()\nexport class StagingOnlyGuard implements CanActivate {\n  async canActivate(context: ExecutionContext) {\n    const { user } = context.switchToHttp().getRequest();\n    if (await isProduction(user)) throw new UnauthorizedException('This action is only allowed in staging');\n    return true;\n  }\n}\n`,
      errors: [{ text: "new UnauthorizedException('This action is only allowed in staging')", messageIncludes: "the response says 'This action is only allowed in staging'" }],
      output: `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException, ForbiddenException } from '@nestjs/common';\n@Injectable()\nexport class StagingOnlyGuard implements CanActivate {\n  async canActivate(context: ExecutionContext) {\n    const { user } = context.switchToHttp().getRequest();\n    if (await isProduction(user)) throw new ForbiddenException('This action is only allowed in staging');\n    return true;\n  }\n}\n`,
    },
    {
      name: 'a project permission check, whatever its result is called',
      code: route(`  const ok = await canDeletePost(req.user, req.params.id);\n  if (!ok) return res.sendStatus(401);`),
      errors: [{ text: 'res.sendStatus(401)', messageIncludes: 'a permission check (`canDeletePost(req.user, req.params.id)`)', related: 2 }],
      output: route(`  const ok = await canDeletePost(req.user, req.params.id);\n  if (!ok) return res.sendStatus(403);`),
    },
    {
      name: 'the negated guard quoted as written, its `!` outside the parentheses and the await',
      code: `import express from 'express';\nconst router = express.Router();\nrouter.delete('/posts/:id/archive', authenticate, async (req, res) => {\n  if (!(await canArchivePost(req.params.id))) return res.sendStatus(401);\n});\n`,
      errors: [{ text: 'res.sendStatus(401)', messageIncludes: 'the guard checks `!(await canArchivePost(req.params.id))`, a permission check' }],
      output: `import express from 'express';\nconst router = express.Router();\nrouter.delete('/posts/:id/archive', authenticate, async (req, res) => {\n  if (!(await canArchivePost(req.params.id))) return res.sendStatus(403);\n});\n`,
    },
    {
      name: 'a use case given the caller in its command',
      code: `import { UnauthorizedException } from '@nestjs/common';\nexport class DeleteProject {\n  async execute(command: DeleteProjectCommand) {\n    if (!(await canDeleteProject(command.projectId))) throw new UnauthorizedException();\n    await projects.remove(command.projectId, command.userId);\n  }\n}\n`,
      errors: [{ text: 'new UnauthorizedException()', messageIncludes: 'the handler is given `command.userId`' }],
      output: `import { UnauthorizedException, ForbiddenException } from '@nestjs/common';\nexport class DeleteProject {\n  async execute(command: DeleteProjectCommand) {\n    if (!(await canDeleteProject(command.projectId))) throw new ForbiddenException();\n    await projects.remove(command.projectId, command.userId);\n  }\n}\n`,
    },
    {
      name: 'a Nest handler behind an authentication guard',
      code: `import { Controller, Delete, UseGuards, UnauthorizedException } from '@nestjs/common';\n@Controller('projects')\nexport class ProjectsController {\n  @UseGuards(JwtAuthGuard)\n  @Delete(':id')\n  async remove(id: string) {\n    if (!(await canDeleteProject(id))) throw new UnauthorizedException();\n  }\n}\n`,
      errors: [{ text: 'new UnauthorizedException()', messageIncludes: 'JwtAuthGuard' }],
      output: `import { Controller, Delete, UseGuards, UnauthorizedException, ForbiddenException } from '@nestjs/common';\n@Controller('projects')\nexport class ProjectsController {\n  @UseGuards(JwtAuthGuard)\n  @Delete(':id')\n  async remove(id: string) {\n    if (!(await canDeleteProject(id))) throw new ForbiddenException();\n  }\n}\n`,
    },
    {
      name: 'the caller identified by auth middleware on the route',
      code: `import express from 'express';\nconst router = express.Router();\nrouter.delete('/posts/:id', requireAuth, async (req, res) => {\n  if (!(await canDeletePost(req.params.id))) return res.sendStatus(401);\n});\n`,
      errors: [{ text: 'res.sendStatus(401)', messageIncludes: '`requireAuth` runs before the handler' }],
      output: `import express from 'express';\nconst router = express.Router();\nrouter.delete('/posts/:id', requireAuth, async (req, res) => {\n  if (!(await canDeletePost(req.params.id))) return res.sendStatus(403);\n});\n`,
    },
    {
      name: 'the caller identified by an earlier credentials check',
      code: route(`  const session = await getSession(req);\n  if (!session) return res.status(401).set('WWW-Authenticate', 'Bearer').end();\n  if (!(await canDeletePost(req.params.id))) return res.sendStatus(401);`),
      errors: [{ text: 'res.sendStatus(401)', messageIncludes: 'an earlier check of `!session` left on missing credentials' }],
      output: route(`  const session = await getSession(req);\n  if (!session) return res.status(401).set('WWW-Authenticate', 'Bearer').end();\n  if (!(await canDeletePost(req.params.id))) return res.sendStatus(403);`),
    },
    {
      name: 'a membership check scoped to an organization, although its name says authenticated',
      code: route(`  const member = await auth.isAuthenticatedForOrganization(req.user.id, req.params.org);\n  if (!member) return res.sendStatus(401);`),
      errors: [{ text: 'res.sendStatus(401)', messageIncludes: 'a permission check' }],
      output: route(`  const member = await auth.isAuthenticatedForOrganization(req.user.id, req.params.org);\n  if (!member) return res.sendStatus(403);`),
    },
    {
      name: 'the organization a record belongs to against the one asked for',
      code: route(`  const board = await boards.findOne({ id: req.params.id });\n  if (board.organizationId !== req.user.organizationId) return res.sendStatus(401);`),
      errors: [{ text: 'res.sendStatus(401)', messageIncludes: 'the owner of a record compared' }],
      output: route(`  const board = await boards.findOne({ id: req.params.id });\n  if (board.organizationId !== req.user.organizationId) return res.sendStatus(403);`),
    },
    {
      name: "the caller's id against the owner of a record",
      code: route(`  const post = await posts.findById(req.params.id);\n  if (post.authorId !== req.user.id) return res.sendStatus(401);`),
      errors: [{ text: 'res.sendStatus(401)', messageIncludes: 'the caller compared with a record' }],
      output: route(`  const post = await posts.findById(req.params.id);\n  if (post.authorId !== req.user.id) return res.sendStatus(403);`),
    },
    {
      code: route(`  if (req.user.role !== 'admin') {\n    return res.status(401).json({ error: 'nope' });\n  }`),
      errors: [{ text: 'res.status(401)', messageIncludes: "the guard checks `req.user.role !== 'admin'`" }],
      output: route(`  if (req.user.role !== 'admin') {\n    return res.status(403).json({ error: 'nope' });\n  }`),
    },
    {
      code: route(`  if (!req.user.permissions.includes('posts:delete')) return res.sendStatus(401);`),
      errors: [{ text: 'res.sendStatus(401)', messageIncludes: 'req.user.permissions' }],
      output: route(`  if (!req.user.permissions.includes('posts:delete')) return res.sendStatus(403);`),
    },
    {
      code: route(`  if (!canDelete(req.user, post)) return res.sendStatus(401);`),
      errors: [{ text: 'res.sendStatus(401)', messageIncludes: 'canDelete' }],
      output: route(`  if (!canDelete(req.user, post)) return res.sendStatus(403);`),
    },
    {
      code: route(`  if (post.ownerId !== req.user.id) return res.status(401).send('Not the owner');`),
      errors: [{ text: 'res.status(401)' }],
      output: route(`  if (post.ownerId !== req.user.id) return res.status(403).send('Not the owner');`),
    },
    {
      name: 'a known user without the permission',
      code: route(`  if (req.user && !req.user.isAdmin) return res.sendStatus(401);`),
      errors: [{ text: 'res.sendStatus(401)', messageIncludes: 'the guard checks `!req.user.isAdmin`' }],
      output: route(`  if (req.user && !req.user.isAdmin) return res.sendStatus(403);`),
    },
    {
      name: 'the else branch of a permission check',
      code: route(`  if (req.user.isAdmin) {\n    await posts.remove(req.params.id);\n    res.sendStatus(204);\n  } else {\n    res.sendStatus(401);\n  }`),
      errors: [{ text: 'res.sendStatus(401)' }],
      output: route(`  if (req.user.isAdmin) {\n    await posts.remove(req.params.id);\n    res.sendStatus(204);\n  } else {\n    res.sendStatus(403);\n  }`),
    },
    {
      name: 'the message alone',
      code: route(`  res.status(401).json({ error: 'Forbidden: insufficient permissions' });`),
      // Said once: the response names the refused permission, and so the caller is known.
      errors: [{ text: 'res.status(401)', messageIncludes: "a permission failure that its own response names: the response says 'Forbidden: insufficient permissions'. A 401" }],
      output: route(`  res.status(403).json({ error: 'Forbidden: insufficient permissions' });`),
    },
    {
      name: 'http-status-codes keeps its form',
      code: `import { StatusCodes } from 'http-status-codes';\nexport function admin(req, res, next) {\n  if (!req.user.isAdmin) return res.status(StatusCodes.UNAUTHORIZED).end();\n  next();\n}\n`,
      errors: [{ text: 'res.status(StatusCodes.UNAUTHORIZED)' }],
      output: `import { StatusCodes } from 'http-status-codes';\nexport function admin(req, res, next) {\n  if (!req.user.isAdmin) return res.status(StatusCodes.FORBIDDEN).end();\n  next();\n}\n`,
    },
    {
      name: 'an error passed to next(), with the message of its construction',
      code: `export function admin(req, res, next) {\n  const err = new Error('Forbidden: admins only');\n  err.status = 401;\n  next(err);\n}\n`,
      errors: [{ text: 'err.status = 401', messageIncludes: "'Forbidden: admins only'" }],
      output: `export function admin(req, res, next) {\n  const err = new Error('Forbidden: admins only');\n  err.status = 403;\n  next(err);\n}\n`,
    },
    {
      name: 'node:http with a scope check',
      code: `import http from 'node:http';\nhttp.createServer(async (req, res) => {\n  const session = await getSession(req);\n  if (!session.scopes.includes('admin')) {\n    res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' });\n    return res.end();\n  }\n});\n`,
      errors: [{ text: 'res.writeHead(401' }],
      output: `import http from 'node:http';\nhttp.createServer(async (req, res) => {\n  const session = await getSession(req);\n  if (!session.scopes.includes('admin')) {\n    res.writeHead(403, { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' });\n    return res.end();\n  }\n});\n`,
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [`import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => {\n  ctx.assert(ctx.state.user, 401, 'login required', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n});\n`],
  invalid: [
    {
      name: "ctx.assert's condition is the guard, on its false side",
      code: `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => {\n  ctx.assert(ctx.state.user.isAdmin, 401, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n});\n`,
      errors: [{ text: `ctx.assert(ctx.state.user.isAdmin, 401, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } })`, messageIncludes: 'the guard checks `ctx.state.user.isAdmin`' }],
      output: `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => {\n  ctx.assert(ctx.state.user.isAdmin, 403, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n});\n`,
    },
  ],
});
