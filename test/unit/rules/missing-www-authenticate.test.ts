import { ruleTester } from '../rule-tester';

const express = (body: string) => `import express from 'express';
const app = express();
app.get('/me', (req, res) => {
${body}
});
`;
const node = (body: string) => `import http from 'node:http';
http.createServer((req, res) => {
${body}
});
`;

ruleTester('missing-www-authenticate', {
  valid: [
    // The challenge in the chain, in any case, with either method
    express(`  res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'missing token' });`),
    express(`  res.status(401).header('www-authenticate', 'Basic realm="x"').send();`),
    express(`  res.set({ 'WWW-authenticate': 'Bearer realm="api"' }).status(401).end();`),
    express(`  res.append('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);`),
    // Earlier and later statements on the same response
    express(`  res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n  return res.status(401).json({ error: 'missing token' });`),
    express(`  res.status(401);\n  res.set('WWW-Authenticate', 'Bearer realm="api"');\n  res.send('log in');`),
    // Set on both branches before the send
    express(`  if (req.accepts('json')) res.set('WWW-Authenticate', 'Bearer realm="api"');\n  else res.set('WWW-Authenticate', 'Basic realm="api"');\n  res.sendStatus(401);`),
    // node:http
    node(`  res.statusCode = 401;\n  res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n  res.end();`),
    node(`  res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  res.end();`),
    node(`  res.writeHead(401, 'Unauthorized', { 'www-authenticate': 'Bearer realm="api"' }).end();`),
    node(`  res.writeHead(401, ['WWW-Authenticate', 'Bearer realm="api"', 'Content-Type', 'text/plain']).end();`),
    // A const header name and value
    `const CHALLENGE = 'WWW-Authenticate';\nexport function deny(req, res) {\n  res.setHeader(CHALLENGE, 'Bearer realm="api"');\n  res.statusCode = 401;\n  res.end();\n}\n`,
    // Headers not known statically may hold the challenge: silence rather than a guess
    node(`  res.writeHead(401, authHeaders);\n  res.end();`),
    node(`  res.writeHead(401, { ...authHeaders, 'Content-Type': 'text/plain' });\n  res.end();`),
    express(`  res.set(challengeHeaders());\n  res.status(401).end();`),
    // Other statuses; decoys that are not a status being sent
    express(`  res.status(403).json({ error: 'forbidden' });`),
    express(`  switch (upstream.status) {\n    case 401:\n      return res.status(502).end();\n  }`),
    express(`  if (err.status === 401) return next(err);\n  res.end(401);`),
    `const STATUS_TEXT = { 401: 'Unauthorized', 403: 'Forbidden' };\nexport const isAuthError = (res) => res.status === 401;\n`,
    `/** Example: res.status(401).json({}) */\nexport async function fetchMe() {\n  const response = await fetch('/me');\n  if (response.status === 401) throw new Error('Unauthorized');\n}\n`,
    // Receivers that are not a (req, res) response
    `export function show(ctx) {\n  ctx.status(401);\n}\n`,
    // Another framework's file is left to its own adapter (Fastify's reads the challenge in the chain)
    `import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/', (req, reply) => reply.status(401).header('WWW-Authenticate', 'Bearer realm="api"').send());\n`,
    // An alias of the response
    express(`  const r = res;\n  res.set('WWW-Authenticate', 'Bearer realm="api"');\n  r.sendStatus(401);`),
    // A helper of the same file that sets the challenge on the response it is given
    `function challenge(response) {\n  response.set('WWW-Authenticate', 'Bearer realm="api"');\n}\nexport function me(req, res) {\n  challenge(res);\n  res.sendStatus(401);\n}\n`,
    `const withChallenge = (r, scheme) => {\n  r.setHeader('WWW-Authenticate', scheme);\n};\nfunction deny(res) {\n  withChallenge(res, 'Bearer realm="api"');\n}\nexport function me(req, res) {\n  deny(res);\n  res.statusCode = 401;\n  res.end();\n}\n`,
    // A helper from elsewhere named for the job may set it: silence
    `import { setAuthHeaders } from './auth';\nexport function me(req, res) {\n  setAuthHeaders(res);\n  res.sendStatus(401);\n}\n`,
    // ... also when a helper of the file calls it, two helpers deep
    `import { setAuthHeaders } from './auth';\nfunction prepare(r) {\n  setAuthHeaders(r);\n}\nfunction deny(res) {\n  prepare(res);\n}\nexport function me(req, res) {\n  deny(res);\n  res.sendStatus(401);\n}\n`,
    // A status held in a variable: a challenge the function writes on the response, wherever, may be this one's
    express(`  let status = 500;\n  if (!req.user) {\n    status = 401;\n    res.set('WWW-Authenticate', 'Bearer realm="api"');\n  }\n  res.status(status).end();`),
    // ... and a variable whose values cannot all be read stays unknown
    express(`  let status = 400;\n  if (!req.user) status = 401;\n  status += 1;\n  res.status(status).end();`),
    express(`  let status = 200;\n  check(() => {\n    status = 401;\n  });\n  res.status(status).end();`),
    `import express from 'express';\nexport function send(res, status) {\n  if (!status) status = 401;\n  res.status(status).end();\n}\n`,
    // a value chosen after the send, on a path that leaves first, or in a case that falls through, is not sent
    express(`  let status = 403;\n  if (!req.user.isAdmin) return res.status(status).json({});\n  status = 401;\n  console.log(status);`),
    express(`  let code = 200;\n  if (!req.user) {\n    code = 401;\n    return next(Object.assign(new Error('login'), { code }));\n  }\n  res.status(code).json({});`),
    express(`  let status = 500;\n  switch (req.query.kind) {\n    case 'session':\n      status = 401;\n    case 'role':\n      status = 403;\n      break;\n  }\n  res.status(status).end();`),
    // a path not followed (a labelled break) stays silent
    express(`  let status = 500;\n  outer: for (const part of parts) {\n    switch (part.kind) {\n      case 'session':\n        status = 401;\n        break outer;\n    }\n  }\n  res.status(status).end();`),
    // a value always replaced before the send, and a parameter shadowed in a block, are not sent
    express(`  let status = 401;\n  status = statusOf(req);\n  res.status(status).end();`),
    `import express from 'express';\nexport function send(res, status) {\n  if (debug) {\n    let status = 401;\n    log(status);\n  }\n  res.status(status).end();\n}\n`,
    // Libraries that send the challenge themselves
    `import passport from 'passport';\napp.get('/me', passport.authenticate('bearer', { session: false }), handler);\napp.get('/b', passport.authenticate(['jwt', 'basic']), handler);\n`,
    `import passport from 'passport';\napp.get('/me', passport.authenticate('jwt', { session: false, failWithError: true }), handler);\napp.get('/p', (req, res, next) => passport.authenticate('jwt', (err, user) => next(err))(req, res, next));\n`,
    `import basicAuth from 'express-basic-auth';\napp.use(basicAuth({ users: { admin: 'secret' }, challenge: true, realm: 'admin' }));\n`,
    // Not those libraries
    `const basicAuth = (options) => options;\napp.use(basicAuth({ users }));\n`,
    // Mock servers in tests describe someone else's responses
    `import { http, HttpResponse } from 'msw';\nexport function mock(req, res) {\n  res.sendStatus(401);\n}\n`,
    // Errors passed to next(): finalhandler copies err.headers
    `export function auth(req, res, next) {\n  const err = new Error('missing token');\n  err.status = 401;\n  err.headers = { 'WWW-Authenticate': 'Bearer realm="api"' };\n  next(err);\n}\n`,
    `export function auth(req, res, next) {\n  return next({ status: 401, headers: { 'www-authenticate': 'Bearer realm="api"' } });\n}\n`,
    // An error that never reaches next() sends nothing
    `export function check(req, res, next) {\n  const err = new Error('missing token');\n  err.status = 401;\n  throw err;\n}\n`,
    // Suppressed with a reason
    express(`  // http-auth-lint-disable-next-line missing-www-authenticate -- the gateway adds the challenge\n  res.status(401).json({ error: 'missing token' });`),
  ],
  invalid: [
    {
      name: 'an error handler that chooses the status in a variable: reported where it chooses 401',
      code: `import express from 'express';\nconst app = express();\napp.use((err, req, res, next) => {\n  let statusCode = 500;\n  switch (err.type) {\n    case 'unauthorized':\n      statusCode = 401;\n      break;\n    case 'not_found':\n      statusCode = 404;\n      break;\n  }\n  res.status(statusCode).json({ message: err.message });\n});\n`,
      errors: [{ text: 'statusCode = 401' }],
      output: null,
      fixUnavailable: 'set WWW-Authenticate where it is set to this status',
    },
    {
      name: 'a case in braces that breaks, and a throw caught where the variable is sent',
      code: express(`  let status = 500;\n  switch (req.query.kind) {\n    case 'session': {\n      status = 401;\n      break;\n    }\n    default:\n      status = 404;\n  }\n  res.status(status).end();`),
      errors: [{ text: 'status = 401' }],
      output: null,
    },
    {
      code: express(`  let status = 500;\n  try {\n    status = 401;\n    throw new Error('no session');\n  } catch {\n    res.status(status).json({});\n  }`),
      errors: [{ text: 'status = 401' }],
      output: null,
    },
    {
      name: 'a value chosen later in a loop reaches the send of the next turn',
      code: express(`  let status = 200;\n  for (const part of parts) {\n    res.status(status).write(part);\n    if (!part.ok) status = 401;\n  }\n  res.end();`),
      errors: [{ text: 'status = 401' }],
      output: null,
    },
    {
      name: 'a variable sent by two sends is one finding, where it is chosen',
      code: express(`  let status = 500;\n  if (!req.user) status = 401;\n  if (req.accepts('html')) return res.status(status).send('<p>error</p>');\n  res.status(status).json({});`),
      errors: [{ text: 'status = 401' }],
      output: null,
    },
    {
      name: 'the fetch shorthand { status } of a variable, in either order',
      code: `export async function GET(request: Request) {\n  const user = await currentUser(request);\n  let status = 401;\n  if (user) status = 200;\n  return Response.json({}, { status });\n}\n`,
      errors: [{ text: 'status = 401' }],
      output: null,
    },
    {
      code: `export async function GET(request: Request) {\n  const user = await currentUser(request);\n  let status = 200;\n  if (!user) status = 401;\n  return Response.json({}, { status });\n}\n`,
      errors: [{ text: 'status = 401' }],
      output: null,
    },
    {
      name: "Koa's ctx.status from a variable",
      code: `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  let status = 200;\n  if (!ctx.state.user) status = 401;\n  ctx.status = status;\n});\n`,
      errors: [{ text: 'status = 401' }],
      output: null,
    },
    {
      code: express(`  res.status(401).json({ error: 'missing token' });`),
      errors: [{ text: 'res.status(401)', messageIncludes: 'WWW-Authenticate: Bearer realm="api"' }],
      output: express(`  res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'missing token' });`),
    },
    {
      name: 'double quotes and no semicolons are kept',
      code: `import express from "express"\nconst app = express()\napp.get("/me", (req, res) => {\n  res.status(401).send("log in")\n})\n`,
      errors: [{ text: 'res.status(401)' }],
      output: `import express from "express"\nconst app = express()\napp.get("/me", (req, res) => {\n  res.status(401).set("WWW-Authenticate", 'Bearer realm="api"').send("log in")\n})\n`,
    },
    {
      code: express(`  return res.sendStatus(401);`),
      errors: [{ text: 'res.sendStatus(401)' }],
      output: express(`  return res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);`),
    },
    {
      name: 'the configured challenge',
      code: express(`  res.sendStatus(401);`),
      settings: { defaultChallenge: 'Basic realm="admin", charset="UTF-8"' },
      errors: [{ text: 'res.sendStatus(401)', messageIncludes: 'Basic realm="admin"' }],
      output: express(`  res.set('WWW-Authenticate', 'Basic realm="admin", charset="UTF-8"').sendStatus(401);`),
    },
    {
      name: 'a header on one branch does not cover the other',
      code: express(`  if (req.accepts('json')) {\n    res.set('WWW-Authenticate', 'Bearer realm="api"');\n  }\n  res.status(401).end();`),
      errors: [{ text: 'res.status(401)' }],
      output: express(`  if (req.accepts('json')) {\n    res.set('WWW-Authenticate', 'Bearer realm="api"');\n  }\n  res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();`),
    },
    {
      name: 'a header after the response has exited does not cover it',
      code: express(`  if (!req.headers.authorization) {\n    return res.status(401).end();\n  }\n  res.set('WWW-Authenticate', 'Bearer realm="api"');`),
      errors: [{ text: 'res.status(401)' }],
      output: express(`  if (!req.headers.authorization) {\n    return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();\n  }\n  res.set('WWW-Authenticate', 'Bearer realm="api"');`),
    },
    {
      name: 'a header on another response does not cover it',
      code: `export function a(req, res) {\n  res.set('WWW-Authenticate', 'Bearer realm="api"');\n}\nexport function b(req, res) {\n  res.status(401).end();\n}\n`,
      errors: [{ text: 'res.status(401)' }],
      output: `export function a(req, res) {\n  res.set('WWW-Authenticate', 'Bearer realm="api"');\n}\nexport function b(req, res) {\n  res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();\n}\n`,
    },
    {
      name: 'status from a const and from http-status-codes',
      code: `import { StatusCodes } from 'http-status-codes';\nconst UNAUTHORIZED = 401;\nexport function h(req, res) {\n  if (req.query.a) return res.status(UNAUTHORIZED).end();\n  res.status(StatusCodes.UNAUTHORIZED).end();\n}\n`,
      errors: [{ text: 'res.status(UNAUTHORIZED)' }, { text: 'res.status(StatusCodes.UNAUTHORIZED)' }],
      output: `import { StatusCodes } from 'http-status-codes';\nconst UNAUTHORIZED = 401;\nexport function h(req, res) {\n  if (req.query.a) return res.status(UNAUTHORIZED).set('WWW-Authenticate', 'Bearer realm="api"').end();\n  res.status(StatusCodes.UNAUTHORIZED).set('WWW-Authenticate', 'Bearer realm="api"').end();\n}\n`,
    },
    {
      name: 'a conditional status',
      code: express(`  res.status(req.user ? 403 : 401).end();`),
      errors: [{ text: 'res.status(req.user ? 403 : 401)' }],
      output: express(`  res.status(req.user ? 403 : 401).set('WWW-Authenticate', 'Bearer realm="api"').end();`),
    },
    {
      name: 'any parameter names in a (req, res) handler',
      code: `router.use(function (request, r, next) {\n  r.sendStatus(401);\n});\n`,
      errors: [{ text: 'r.sendStatus(401)' }],
      output: `router.use(function (request, r, next) {\n  r.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);\n});\n`,
    },
    {
      code: node(`  res.statusCode = 401;\n  res.end('Unauthorized');`),
      errors: [{ text: 'res.statusCode = 401' }],
      output: node(`  res.statusCode = 401;\n  res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n  res.end('Unauthorized');`),
    },
    {
      code: node(`  res.writeHead(401, { 'Content-Type': 'text/plain' });\n  res.end();`),
      errors: [{ text: 'res.writeHead(401' }],
      output: node(`  res.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer realm="api"' });\n  res.end();`),
    },
    {
      name: 'writeHead with headers on their own lines and a trailing comma',
      code: node(`  res.writeHead(401, {\n    'Content-Type': 'text/plain',\n  });\n  res.end();`),
      errors: [{ text: 'res.writeHead(401' }],
      output: node(`  res.writeHead(401, {\n    'Content-Type': 'text/plain',\n    'WWW-Authenticate': 'Bearer realm="api"',\n  });\n  res.end();`),
    },
    {
      code: node(`  res.writeHead(401, 'Unauthorized').end();`),
      errors: [{ text: 'res.writeHead(401' }],
      output: node(`  res.writeHead(401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer realm="api"' }).end();`),
    },
    {
      code: node(`  res.writeHead(401, ['Content-Type', 'text/plain']).end();`),
      errors: [{ text: 'res.writeHead(401' }],
      output: node(`  res.writeHead(401, ['Content-Type', 'text/plain', 'WWW-Authenticate', 'Bearer realm="api"']).end();`),
    },
    {
      name: 'an unbraced if body has no room for a statement: no fix',
      code: node(`  if (!req.headers.authorization) res.statusCode = 401;\n  res.end();`),
      errors: [{ text: 'res.statusCode = 401' }],
      output: null,
    },
    {
      name: 'a suppression of another rule does not hide this one',
      code: express(`  // http-auth-lint-disable-next-line unauthorized-for-permission\n  res.sendStatus(401);`),
      errors: [{ text: 'res.sendStatus(401)' }],
      output: express(`  // http-auth-lint-disable-next-line unauthorized-for-permission\n  res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);`),
    },
    {
      name: 'a helper that sets the challenge on one branch only',
      code: `function challenge(res, html) {\n  if (html) res.set('WWW-Authenticate', 'Basic realm="site"');\n}\nexport function me(req, res) {\n  challenge(res, true);\n  res.sendStatus(401);\n}\n`,
      errors: [{ text: 'res.sendStatus(401)' }],
      output: `function challenge(res, html) {\n  if (html) res.set('WWW-Authenticate', 'Basic realm="site"');\n}\nexport function me(req, res) {\n  challenge(res, true);\n  res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);\n}\n`,
    },
    {
      name: 'a function of the file that sets other headers',
      code: `function noCache(res) {\n  res.set('Cache-Control', 'no-store');\n}\nexport function me(req, res) {\n  noCache(res);\n  logRequest(req, res);\n  res.sendStatus(401);\n}\n`,
      errors: [{ text: 'res.sendStatus(401)' }],
      output: `function noCache(res) {\n  res.set('Cache-Control', 'no-store');\n}\nexport function me(req, res) {\n  noCache(res);\n  logRequest(req, res);\n  res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);\n}\n`,
    },
    {
      name: 'an alias of the response',
      code: express(`  const r = res;\n  r.status(401).end();`),
      errors: [{ text: 'r.status(401)' }],
      output: express(`  const r = res;\n  r.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();`),
    },
    {
      name: 'passport with passport-jwt sends a bare 401',
      code: `import passport from 'passport';\napp.get('/me', passport.authenticate('jwt', { session: false }), handler);\n`,
      errors: [{ text: "passport.authenticate('jwt', { session: false })" }],
      output: null,
      fixUnavailable: 'custom callback',
    },
    {
      name: 'express-basic-auth without challenge: true',
      code: `const basicAuth = require('express-basic-auth');\napp.use(basicAuth({ users: { admin: 'secret' } }));\n`,
      errors: [{ text: "basicAuth({ users: { admin: 'secret' } })" }],
      output: `const basicAuth = require('express-basic-auth');\napp.use(basicAuth({ users: { admin: 'secret' }, challenge: true, realm: 'api' }));\n`,
    },
    {
      name: 'express-basic-auth with challenge: false and a realm',
      code: `import basicAuth from 'express-basic-auth';\napp.use(basicAuth({\n  users,\n  challenge: false,\n  realm: 'admin',\n}));\n`,
      errors: [{ text: "basicAuth({\n  users,\n  challenge: false,\n  realm: 'admin',\n})" }],
      output: `import basicAuth from 'express-basic-auth';\napp.use(basicAuth({\n  users,\n  challenge: true,\n  realm: 'admin',\n}));\n`,
    },
    {
      name: 'Boom in an Express app: both adapters read the file',
      code: `import express from 'express';\nimport Boom from '@hapi/boom';\nconst app = express();\napp.get('/a', (req, res, next) => {\n  if (!req.user) return next(Boom.unauthorized('login required'));\n  res.status(401).end();\n});\n`,
      errors: [{ text: "Boom.unauthorized('login required')" }, { text: 'res.status(401)' }],
      output: `import express from 'express';\nimport Boom from '@hapi/boom';\nconst app = express();\napp.get('/a', (req, res, next) => {\n  if (!req.user) return next(Boom.unauthorized('login required', 'Bearer', { realm: 'api' }));\n  res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();\n});\n`,
    },
    {
      name: 'an error passed to next() without headers',
      code: `export function auth(req, res, next) {\n  const err = new Error('missing token');\n  err.status = 401;\n  next(err);\n}\n`,
      errors: [{ text: 'err.status = 401' }],
      output: `export function auth(req, res, next) {\n  const err = new Error('missing token');\n  err.status = 401;\n  err.headers = { 'WWW-Authenticate': 'Bearer realm="api"' };\n  next(err);\n}\n`,
    },
    {
      name: 'an error with other headers passed to next()',
      code: `export function auth(req, res, next) {\n  const err = new Error('missing token');\n  err.headers = { 'Cache-Control': 'no-store' };\n  err.statusCode = 401;\n  next(err);\n}\n`,
      errors: [{ text: 'err.statusCode = 401' }],
      output: `export function auth(req, res, next) {\n  const err = new Error('missing token');\n  err.headers = { 'Cache-Control': 'no-store', 'WWW-Authenticate': 'Bearer realm="api"' };\n  err.statusCode = 401;\n  next(err);\n}\n`,
    },
    {
      name: 'an error object literal passed to next()',
      code: `app.use((req, res, done) => {\n  if (!req.session) return done({ status: 401, message: 'login required' });\n  done();\n});\n`,
      errors: [{ text: "done({ status: 401, message: 'login required' })" }],
      output: `app.use((req, res, done) => {\n  if (!req.session) return done({ status: 401, message: 'login required', headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  done();\n});\n`,
    },
    {
      name: 'JavaScript files',
      fileName: 'server.cjs',
      code: `const http = require('http');\nhttp.createServer(function (req, res) {\n  res.writeHead(401);\n  res.end();\n});\n`,
      errors: [{ text: 'res.writeHead(401' }],
      output: `const http = require('http');\nhttp.createServer(function (req, res) {\n  res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  res.end();\n});\n`,
    },
  ],
});
