// app/api/workspaces/route.ts: Next.js App Router route handlers with NextResponse.
import { NextRequest, NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth';
import { db } from '@/lib/db';

export async function GET() {
  const session = await getServerSession(authOptions);
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 }); // expect: missing-www-authenticate
  }
  return NextResponse.json(await db.workspaces.forUser(session.user.id));
}

export async function POST(req: NextRequest) {
  const session = await getServerSession(authOptions);
  if (!session) {
    return NextResponse.json(
      { error: 'Unauthorized' },
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="workspaces"' } },
    );
  }
  if (session.user.role !== 'admin') {
    return NextResponse.json({ error: 'Forbidden' }, { status: 403 });
  }
  return NextResponse.json(await db.workspaces.create(await req.json()), { status: 201 });
}

// The header is set on the response object after it is built: it is sent.
export async function PUT(req: NextRequest) {
  const session = await getServerSession(authOptions);
  if (!session) {
    const res = NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
    res.headers.set('WWW-Authenticate', 'Bearer realm="workspaces"');
    return res;
  }
  return NextResponse.json(await db.workspaces.update(await req.json()));
}

export async function DELETE(req: NextRequest) {
  const session = await getServerSession(authOptions);
  // No session means no credentials: 401 with a challenge, not 403.
  if (!session) {
    return new NextResponse(null, { status: 403 }); // expect: forbidden-for-missing-credentials
  }
  const id = req.nextUrl.searchParams.get('id')!;
  const workspace = await db.workspaces.get(id);
  if (workspace.ownerId !== session.user.id) {
    return NextResponse.json({ error: 'Only the owner can delete a workspace' }, { status: 401 }); // expect: missing-www-authenticate, unauthorized-for-permission
  }
  await db.workspaces.remove(id);
  return new NextResponse(null, { status: 204 });
}

export async function PATCH(req: NextRequest) {
  const token = req.headers.get('authorization');
  if (!token) {
    return new NextResponse(JSON.stringify({ error: 'missing token' }), {
      status: 401, // expect: missing-www-authenticate
      headers: { 'Content-Type': 'application/json' },
    });
  }
  return NextResponse.json(await db.workspaces.patch(token, await req.json()));
}

export async function HEAD(req: NextRequest) {
  if (!req.headers.get('authorization')) {
    return new NextResponse(null, { status: 401, headers: { 'www-authenticate': 'Bearer realm="workspaces"' } });
  }
  return new NextResponse(null, { status: 200 });
}
