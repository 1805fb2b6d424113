// Authentication middleware from libraries: some set the challenge themselves, some do not.
import express from 'express';
import passport from 'passport';
import { BasicStrategy } from 'passport-http';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import { Strategy as JwtStrategy, ExtractJwt } from 'passport-jwt';
import basicAuth from 'express-basic-auth';
import { expressjwt } from 'express-jwt';
import { accounts } from '../lib/accounts';

const app = express();

passport.use(new BasicStrategy((username, password, done) => {
  accounts.checkPassword(username, password).then((user) => done(null, user || false), done);
}));
passport.use(new BearerStrategy((token, done) => {
  accounts.byToken(token).then((user) => done(null, user || false), done);
}));
passport.use(new JwtStrategy(
  { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET },
  (payload, done) => done(null, payload),
));

// passport's failure sets WWW-Authenticate from the Basic and Bearer strategies' challenges.
app.get('/basic/me', passport.authenticate('basic', { session: false }), (req, res) => res.json(req.user));
app.get('/bearer/me', passport.authenticate('bearer', { session: false }), (req, res) => res.json(req.user));

// passport-jwt fails with an Error, not a challenge string, so passport sends a bare 401 here.
app.get(
  '/jwt/me',
  passport.authenticate('jwt', { session: false }), // expect: missing-www-authenticate
  (req, res) => res.json(req.user),
);

// With a custom callback passport sends nothing: the 401 is ours.
app.get('/jwt/profile', (req, res, next) => {
  passport.authenticate('jwt', { session: false }, (err: Error | null, user: unknown) => {
    if (err) return next(err);
    if (!user) {
      return res.status(401).json({ error: 'invalid token' }); // expect: missing-www-authenticate
    }
    res.json(user);
  })(req, res, next);
});

// express-basic-auth sends the challenge only with `challenge: true`.
app.use('/admin', basicAuth({ users: { admin: process.env.ADMIN_PASSWORD ?? '' }, challenge: true, realm: 'admin' }));
app.use('/metrics', basicAuth({ users: { prometheus: process.env.METRICS_PASSWORD ?? '' } })); // expect: missing-www-authenticate

// express-jwt passes an UnauthorizedError to next(); the 401 is sent by the error handler below,
// so that is where a missing challenge is reported, not on this line.
app.use('/api', expressjwt({ secret: process.env.JWT_SECRET ?? '', algorithms: ['HS256'] }));

app.get('/api/orders', (req, res) => res.json(accounts.orders()));

app.use((err: { name?: string; status?: number }, req: express.Request, res: express.Response, next: express.NextFunction) => {
  // A comparison of names and statuses is not a status being sent.
  if (err.name === 'UnauthorizedError') {
    res.status(401).send('invalid token...'); // expect: missing-www-authenticate
    return;
  }
  if (err.status === 403) {
    res.status(403).json({ error: 'forbidden' });
    return;
  }
  next(err);
});

export default app;
