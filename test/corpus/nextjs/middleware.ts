// middleware.ts: Basic auth in front of the staging site, token checks in front of the API.
import { NextRequest, NextResponse } from 'next/server';

const STAGING_USER = process.env.STAGING_USER ?? 'preview';
const STAGING_PASS = process.env.STAGING_PASS ?? '';

export const config = { matcher: ['/((?!_next/static|favicon.ico).*)'] };

function basicCredentials(req: NextRequest): [string, string] | null {
  const header = req.headers.get('authorization');
  if (!header?.startsWith('Basic ')) return null;
  const [user, pass] = atob(header.slice(6)).split(':');
  return [user, pass];
}

export function middleware(req: NextRequest) {
  if (req.nextUrl.pathname.startsWith('/api/')) {
    const token = req.headers.get('authorization')?.replace(/^Bearer /, '');
    if (!token) {
      return new NextResponse('Authentication required', { status: 401 }); // expect: missing-www-authenticate
    }
    if (token.split('.').length !== 3) {
      return NextResponse.json(
        { error: 'invalid_token' },
        {
          status: 401,
          headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="malformed token"' },
        },
      );
    }
    return NextResponse.next();
  }

  if (req.nextUrl.pathname.startsWith('/preview')) {
    const credentials = basicCredentials(req);
    if (!credentials) {
      return new NextResponse('Authentication required', {
        status: 401,
        headers: { 'WWW-Authenticate': 'Basic realm="Secure Area"' },
      });
    }
    // Wrong password on the staging site: ask again with 401, do not refuse with 403.
    if (credentials[0] !== STAGING_USER || credentials[1] !== STAGING_PASS) {
      return new NextResponse('Wrong password', { status: 403 }); // expect: forbidden-for-missing-credentials
    }
  }

  // A challenge without a scheme: just a parameter. The header is set but its value is wrong:
  // reported once, as invalid-challenge on the value.
  if (req.nextUrl.pathname.startsWith('/beta') && !req.cookies.get('beta')) {
    return new NextResponse(null, {
      status: 401,
      headers: { 'WWW-Authenticate': 'realm="beta"' }, // expect: invalid-challenge
    });
  }

  return NextResponse.next();
}
