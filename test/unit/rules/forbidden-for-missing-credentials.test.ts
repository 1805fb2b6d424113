import { ruleTester } from '../rule-tester';

const route = (body: string) => `import express from 'express';
const router = express.Router();
router.get('/account', (req, res) => {
${body}
});
`;

ruleTester('forbidden-for-missing-credentials', {
  valid: [
    // The catch of a session lookup whose branch answers one kind of error: which, the try does not say
    route(`  try {\n    const session = await getSession(req);\n    await importFile(session, req.body);\n  } catch (error) {\n    if (error instanceof AuthorizationError) return res.sendStatus(403);\n    return res.sendStatus(500);\n  }`),
    // The caller's membership of a team, looked up and not found: a 403 is right
    route(`  const user = await verifyToken(req.headers.authorization);\n  if (!user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  const member = await teams.getTeamMember(req.params.teamId, user.id);\n  if (!member) return res.sendStatus(403);`),
    // An expired token answered 401, and a code compared with a failure the site is not on
    `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  switch (err.name) {\n    case 'TokenExpiredError':\n      return res.set('WWW-Authenticate', 'Bearer error="invalid_token"').status(401).end();\n    case 'ForbiddenError':\n      return res.status(403).end();\n  }\n  next(err);\n});\n`,
    route(`  if (session.state !== 'expired') return res.sendStatus(403);`),
    // A token's failure names no credential of the request: an invitation's, a password reset's,
    // a share link's (and jsonwebtoken's error names are compared outside verifications too)
    route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n  if (result.error === 'TOKEN_EXPIRED') return res.status(403).json({ error: 'invitation expired' });`),
    route(`  switch (reset.status) {\n    case 'INVALID_TOKEN':\n    case 'TOKEN_EXPIRED':\n      return res.sendStatus(403);\n  }`),
    route(`  if (checkoutSession.status === 'expired') return res.sendStatus(403);`),
    `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  if (err.name === 'TokenExpiredError') return res.sendStatus(403);\n  next(err);\n});\n`,
    // CSRF codes are about the request, not the caller; a role compared with a code of the other concern
    route(`  if (err.code === 'INVALID_CSRF_TOKEN') return res.sendStatus(403);`),
    route(`  if (req.user.role === 'UNAUTHENTICATED') return res.sendStatus(403);`),
    // Codes that name no failed credential: a locked account, too many attempts, a banned user
    route(`  if (loginResult.error === 'ACCOUNT_LOCKED') return res.sendStatus(403);`),
    route(`  if (loginResult.error === 'TooManyAttemptsError') return res.sendStatus(403);`),
    route(`  if (req.session.user.status === 'banned') return res.sendStatus(403);`),
    route(`  if (req.session.state === 'NOT_EXPIRED') return res.sendStatus(403);`),
    // A page kept from logged-in users (sign-up, log-in) says nothing of missing credentials
    route(`  if (restricted) return res.status(403).json({ error: 'Not available to logged-in users' });`),
    // Permission failures of a known caller: 403 is right
    route(`  if (req.user.role !== 'admin') return res.status(403).json({ error: 'admins only' });`),
    route(`  if (!req.user.permissions.includes('billing:read')) return res.sendStatus(403);`),
    // Both at once: no opinion
    route(`  if (!req.user || !req.user.isAdmin) return res.sendStatus(403);`),
    // A credentials guard whose message speaks of permissions: the evidence disagrees
    route(`  if (!req.session) return res.status(403).json({ error: 'Forbidden: insufficient permissions' });`),
    // Missing credentials already answered with 401
    route(`  if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();`),
    // The 403 of a conditional status runs when the user is there
    route(`  const user = lookup(req);\n  if (!user || !user.feedEnabled) return res.status(user ? 403 : 401).set('WWW-Authenticate', 'Bearer realm="api"').end();`),
    // A guard that says the credentials are there on this path
    route(`  if (req.session && req.session.locked) return res.sendStatus(403);`),
    // No evidence either way (a verified e-mail address is not a credential)
    route(`  if (!req.user.emailVerified) return res.sendStatus(403);`),
    route(`  res.status(403).json({ error: 'Forbidden' });`),
    // Read by where the value comes from (provenance.ts): checks of something other than the caller
    // a record looked up and not found, whatever its name
    route(`  const account = await db.account.findFirst({ where: { id: req.params.id } });\n  if (!account) return res.sendStatus(403);`),
    // a CSRF token that does not match, although it sits in the session
    route(`  if (req.body.csrfToken !== req.session.csrfToken) return res.sendStatus(403);`),
    // sign-up switched off by configuration
    route(`  if (!process.env.SIGNUP_ENABLED) return res.status(403).json({ error: 'sign-up is disabled' });`),
    // a request that is not on the configured host
    route(`  const ALLOWED_HOST = 'api.example.com';\n  if (req.hostname !== ALLOWED_HOST) return res.sendStatus(403);`),
    // the innermost guard decides: a record not found under a token check
    route(`  const token = req.session.token;\n  if (!token) {\n    const workspace = await db.query.workspaces.findFirst({});\n    if (!workspace) return res.status(403).json({ error: 'no workspace' });\n  }`),
    // a 403-or-404 ternary after a permission check, read on its own path (the record was found)
    route(`  const doc = await docs.findById(req.params.id);\n  if (!doc || !(await canRead(req.user, doc))) return res.status(doc ? 403 : 404).end();`),
    // a catch that may answer a lookup as well as the verification
    route(`  try {\n    const payload = jwt.verify(req.get('authorization'), SECRET);\n    res.json(await db.project.findFirst({ where: { owner: payload.sub } }));\n  } catch {\n    res.sendStatus(403);\n  }`),
    // names that say credentials, sources that say otherwise: read by the source, not the words
    route(`  if (!process.env.TOKEN_LOGIN_ENABLED) return res.status(403).json({ error: 'token login is off' });`),
    route(`  const session = await db.session.findFirst({ where: { id: req.params.id } });\n  if (!session) return res.sendStatus(403);`),
    // the caller's id against a record's owner is ownership: a 403 is right
    route(`  const post = await posts.findById(req.params.id);\n  if (post.authorId !== req.user.id) return res.sendStatus(403);`),
  ],
  invalid: [
    {
      name: 'a case of a switch over error codes that names an unauthenticated caller',
      code: `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  switch (err.code) {\n    case 'UNAUTHENTICATED':\n      return res.status(403).json({ error: err.message });\n  }\n  next(err);\n});\n`,
      errors: [{ text: 'res.status(403)', messageIncludes: "the guard checks `case 'UNAUTHENTICATED'` of `switch (err.code)`" }],
      output: `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  switch (err.code) {\n    case 'UNAUTHENTICATED':\n      return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: err.message });\n  }\n  next(err);\n});\n`,
    },
    {
      name: 'two labels that name an unauthenticated caller, quoted together',
      code: `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  switch (err.code) {\n    case 'UNAUTHENTICATED':\n    case ErrorCode.NotAuthenticated:\n      return res.status(403).end();\n  }\n  next(err);\n});\n`,
      errors: [{ text: 'res.status(403)', messageIncludes: "the guard checks `case 'UNAUTHENTICATED': case ErrorCode.NotAuthenticated` of `switch (err.code)`" }],
      output: `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  switch (err.code) {\n    case 'UNAUTHENTICATED':\n    case ErrorCode.NotAuthenticated:\n      return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();\n  }\n  next(err);\n});\n`,
    },
    {
      name: "the catch of a token's verification, on jsonwebtoken's error for an expired token",
      code: route(`  try {\n    req.user = jwt.verify(req.headers.authorization, secret);\n  } catch (error) {\n    if (error instanceof jwt.TokenExpiredError) return res.sendStatus(403);\n    throw error;\n  }`),
      errors: [{ text: 'res.sendStatus(403)' }],
      output: route(`  try {\n    req.user = jwt.verify(req.headers.authorization, secret);\n  } catch (error) {\n    if (error instanceof jwt.TokenExpiredError) return res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);\n    throw error;\n  }`),
    },
    {
      name: 'a message that keeps the action to logged-in users',
      code: route(`  if (restricted) return res.status(403).json({ error: 'Only available to signed-in users' });`),
      errors: [{ text: 'res.status(403)', messageIncludes: 'Only available to signed-in users' }],
      output: route(`  if (restricted) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'Only available to signed-in users' });`),
    },
    {
      name: 'a session lookup that found none, whatever the value is called',
      code: route(`  const me = await getSession(req);\n  if (!me) return res.sendStatus(403);`),
      errors: [{ text: 'res.sendStatus(403)', messageIncludes: 'the guard checks `!me`, the result of a credentials check (`getSession(req)`)', related: 2 }],
      output: route(`  const me = await getSession(req);\n  if (!me) return res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);`),
    },
    {
      name: 'a setting that holds on the path is a precondition, not the reason',
      code: route(`  if (process.env.AUTH_ENABLED && !req.headers.authorization) return res.sendStatus(403);`),
      errors: [{ text: 'res.sendStatus(403)', messageIncludes: '`!req.headers.authorization`' }],
      output: route(`  if (process.env.AUTH_ENABLED && !req.headers.authorization) return res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);`),
    },
    {
      name: 'the catch of a failed verification',
      code: route(`  try {\n    const payload = jwt.verify(req.get('authorization'), SECRET);\n    res.json(payload);\n  } catch (error) {\n    res.sendStatus(403);\n  }`),
      errors: [{ text: 'res.sendStatus(403)', messageIncludes: "the response is the catch of a failed credentials check, `jwt.verify(req.get('authorization'), SECRET)`" }],
      output: route(`  try {\n    const payload = jwt.verify(req.get('authorization'), SECRET);\n    res.json(payload);\n  } catch (error) {\n    res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);\n  }`),
    },
    {
      name: 'an API key compared by hand with the configured one',
      code: route(`  const expected = process.env.API_KEY;\n  if (req.get('x-api-key') !== expected) return res.sendStatus(403);`),
      errors: [{ text: 'res.sendStatus(403)', messageIncludes: 'a credential compared by hand' }],
      output: route(`  const expected = process.env.API_KEY;\n  if (req.get('x-api-key') !== expected) return res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);`),
    },
    {
      code: route(`  if (!req.headers.authorization) {\n    return res.status(403).json({ error: 'no token' });\n  }`),
      errors: [{ text: 'res.status(403)', messageIncludes: 'the guard checks `!req.headers.authorization`' }],
      output: route(`  if (!req.headers.authorization) {\n    return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'no token' });\n  }`),
    },
    {
      code: route(`  if (!req.user) return res.sendStatus(403);`),
      errors: [{ text: 'res.sendStatus(403)', messageIncludes: 'the guard checks `!req.user`' }],
      output: route(`  if (!req.user) return res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);`),
    },
    {
      name: 'a failed token verification',
      code: route(`  const token = req.get('authorization');\n  if (!verifyToken(token)) {\n    res.statusCode = 403;\n    return res.end();\n  }`),
      errors: [{ text: 'res.statusCode = 403' }],
      output: route(`  const token = req.get('authorization');\n  if (!verifyToken(token)) {\n    res.statusCode = 401;\n    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n    return res.end();\n  }`),
    },
    {
      name: 'the failure branch of a jwt.verify callback',
      code: route(`  jwt.verify(req.get('authorization'), SECRET, (err, user) => {\n    if (err) return res.sendStatus(403);\n    res.json(user);\n  });`),
      errors: [{ text: 'res.sendStatus(403)', messageIncludes: 'the guard checks `err`' }],
      output: route(`  jwt.verify(req.get('authorization'), SECRET, (err, user) => {\n    if (err) return res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);\n    res.json(user);\n  });`),
    },
    {
      name: 'the message alone',
      code: route(`  res.status(403).json({ message: 'Invalid or expired token' });`),
      errors: [{ text: 'res.status(403)', messageIncludes: "the response says 'Invalid or expired token'" }],
      output: route(`  res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ message: 'Invalid or expired token' });`),
    },
    {
      name: 'a challenge already on the response: only the status changes',
      code: route(`  if (!req.session) return res.status(403).set('WWW-Authenticate', 'Bearer realm="api"').end();`),
      errors: [{ text: 'res.status(403)' }],
      output: route(`  if (!req.session) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();`),
    },
    {
      name: 'http-status-codes keeps its form',
      code: `import { StatusCodes } from 'http-status-codes';\nexport function auth(req, res, next) {\n  if (!req.cookies.session) return res.status(StatusCodes.FORBIDDEN).end();\n  next();\n}\n`,
      errors: [{ text: 'res.status(StatusCodes.FORBIDDEN)' }],
      output: `import { StatusCodes } from 'http-status-codes';\nexport function auth(req, res, next) {\n  if (!req.cookies.session) return res.status(StatusCodes.UNAUTHORIZED).set('WWW-Authenticate', 'Bearer realm="api"').end();\n  next();\n}\n`,
    },
  ],
});
