// Handler code the protocol tests open. Each finding the tests expect is named next to it.

/** missing-www-authenticate on the first 401 (no challenge on that response), and
 * unauthorized-for-permission on the second (a role check answered with 401; the challenge is
 * there, so only the permission rule fires). */
export const EXPRESS_APP = `import express from 'express';

const app = express();

app.get('/me', (req, res) => {
  if (!req.headers.authorization) {
    return res.status(401).json({ error: 'unauthorized' });
  }
  res.json({ user: 'me' });
});

app.delete('/posts/:id', (req, res) => {
  if (req.user.role !== 'admin') {
    return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'not allowed' });
  }
  res.sendStatus(204);
});
`;

/** The 401 of EXPRESS_APP's first handler, as a substring to find its position by. */
export const MISSING_CHALLENGE_SITE = "res.status(401).json({ error: 'unauthorized' })";
export const PERMISSION_SITE = "res.status(401).set('WWW-Authenticate'";

/** A second handler to insert while "typing": another 401 without a challenge. */
export const ANOTHER_HANDLER = `
app.get('/settings', (req, res) => {
  if (!req.headers.authorization) {
    res.status(401).send('log in first');
    return;
  }
  res.json({});
});
`;

/** No finding at all: the challenge is set on the 401. */
export const CLEAN_APP = `import express from 'express';

const app = express();

app.get('/me', (req, res) => {
  if (!req.headers.authorization) {
    return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();
  }
  res.json({ user: 'me' });
});
`;

/** proxy-auth-from-origin as origin code; missing-proxy-authenticate (safe fix) where the file is
 * proxy code by `proxyFiles`. Nothing else in the file says "proxy". */
export const SESSION_407 = `import express from 'express';

const app = express();

app.get('/files', (req, res) => {
  if (!req.session) {
    return res.status(407).send('log in');
  }
  res.json({});
});
`;

/** Two 401s without a challenge (two safe fixes of missing-www-authenticate), a permission 401
 * (a suggestion only), and a suppression that suppresses nothing. */
export const MANY_FIXES_APP = `import express from 'express';

const app = express();

app.get('/a', (req, res) => {
  if (!req.headers.authorization) {
    return res.status(401).json({ error: 'missing token' });
  }
  res.json({});
});

app.get('/b', (req, res) => {
  // http-auth-lint-disable-next-line invalid-challenge -- the old header was hand-written
  if (!req.headers.authorization) {
    return res.status(401).send('log in');
  }
  res.json({});
});

app.delete('/posts/:id', (req, res) => {
  if (req.user.role !== 'admin') {
    return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'not allowed' });
  }
  res.sendStatus(204);
});
`;

/** The suppression comment of MANY_FIXES_APP, with its line. */
export const UNUSED_SUPPRESSION = '// http-auth-lint-disable-next-line invalid-challenge -- the old header was hand-written';
