// Response helpers every route of the app answers with. The 401 is fixed here, so the missing
// challenge is reported once, here; the routes pick which helper to call.
const noStore = { 'Cache-Control': 'no-store' };

export function unauthorized(message = 'Sign in to continue') {
  return Response.json({ error: message }, { status: 401, headers: noStore }); // expect: missing-www-authenticate
}

export function forbidden(message = 'Not allowed') {
  return Response.json({ error: message }, { status: 403, headers: noStore });
}

export function unauthorizedWithChallenge(realm = 'projects') {
  return Response.json({ error: 'token required' }, { status: 401, headers: { 'WWW-Authenticate': `Bearer realm="${realm}"` } });
}
