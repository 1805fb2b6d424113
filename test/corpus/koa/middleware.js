// Koa middleware of a photo-sharing API.
const Koa = require('koa');
const jwt = require('koa-jwt');
const mount = require('koa-mount');
const { photos, verify } = require('../lib/photos');

const app = new Koa();

// The legacy v1 API is a separate app, so its error handling does not touch the v2 middleware.
const v1 = new Koa();

// The koa-jwt README's custom 401 handling: it sets a status and a body, and no challenge.
v1.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (err.status === 401) {
      ctx.status = 401; // expect: missing-www-authenticate
      ctx.body = 'Protected resource, use Authorization header to get access\n';
    } else {
      throw err;
    }
  }
});

// koa-jwt throws its 401 through ctx.throw; the handler above is where it is answered.
v1.use(jwt({ secret: process.env.JWT_SECRET || 'dev' }));
v1.use(async (ctx) => {
  ctx.body = await photos.legacyAlbums(ctx.state.user);
});

app.use(mount('/v1', v1));

// From here on, errors reach Koa's own onerror: it applies err.headers and drops headers set before.
app.use(async (ctx, next) => {
  if (ctx.path !== '/v2/albums') return next();
  if (!ctx.get('Authorization')) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer realm="photos"');
    ctx.body = { error: 'missing token' };
    return;
  }
  ctx.body = await photos.albums();
});

app.use(async (ctx, next) => {
  if (ctx.path !== '/v2/albums/shared') return next();
  if (!ctx.get('Authorization')) {
    ctx.throw(401, 'missing token'); // expect: missing-www-authenticate
  }
  ctx.body = await photos.sharedAlbums();
});

app.use(async (ctx, next) => {
  if (ctx.path !== '/v2/photos') return next();
  const user = await verify(ctx.get('Authorization'));
  if (!user) {
    ctx.throw(401, 'Invalid token', { headers: { 'WWW-Authenticate': 'Bearer realm="photos", error="invalid_token"' } });
  }
  ctx.body = await photos.of(user);
});

// Koa's onerror removes every header set before the throw (koajs/koa #537): this challenge is lost.
app.use(async (ctx, next) => {
  if (ctx.path !== '/v2/photos/upload') return next();
  if (!ctx.get('Authorization')) {
    ctx.set('WWW-Authenticate', 'Bearer realm="photos"'); // expect: challenge-lost
    ctx.throw(401, 'missing token');
  }
  ctx.body = await photos.upload(ctx.request);
});

app.use(async (ctx, next) => {
  if (ctx.path !== '/v2/favourites') return next();
  ctx.assert(ctx.state.user, 401, 'Authentication required'); // expect: missing-www-authenticate
  ctx.body = await photos.favourites(ctx.state.user);
});

app.use(async (ctx, next) => {
  if (ctx.path !== '/v2/favourites/export') return next();
  ctx.assert(ctx.state.user, 401, 'Authentication required', { headers: { 'WWW-Authenticate': 'Bearer realm="photos"' } });
  ctx.body = await photos.exportFavourites(ctx.state.user);
});

// The same loss with ctx.append and with the object form of ctx.response.set.
app.use(async (ctx, next) => {
  if (ctx.path !== '/v2/albums/export') return next();
  if (!ctx.get('Authorization')) {
    ctx.append('WWW-Authenticate', 'Bearer realm="photos"'); // expect: challenge-lost
    ctx.throw(401);
  }
  ctx.body = await photos.exportAlbums();
});

app.use(async (ctx, next) => {
  if (ctx.path !== '/v2/albums/import') return next();
  const user = await verify(ctx.get('Authorization'));
  if (!user) {
    ctx.response.set({ 'WWW-Authenticate': 'Bearer realm="photos", error="invalid_token"' }); // expect: challenge-lost
    ctx.throw(401, 'Invalid token');
  }
  ctx.body = await photos.importAlbums(user, ctx.request);
});

// No credentials at all answered with 403.
app.use(async (ctx, next) => {
  if (ctx.path !== '/v2/comments') return next();
  const token = ctx.get('Authorization');
  ctx.assert(token, 403, 'Missing token'); // expect: forbidden-for-missing-credentials
  ctx.body = await photos.comments(token);
});

// The challenge is set on one branch only before ctx.status = 401.
app.use(async (ctx) => {
  if (!ctx.get('Authorization')) {
    if (ctx.accepts('html')) {
      ctx.set('WWW-Authenticate', 'Basic realm="photos"');
    }
    ctx.status = 401; // expect: missing-www-authenticate
    return;
  }
  ctx.status = 404;
});

app.listen(3000);
