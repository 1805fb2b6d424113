// app/api/projects/route.ts: Next.js App Router route handlers with the mistakes HTTP Auth Lint
// finds. Each expected finding is marked at the end of its line with `expect: <rule>`.
import { NextRequest, NextResponse } from 'next/server';
import { auth } from '@/lib/auth';
import { projects } from '@/lib/projects';

export async function GET(request: NextRequest) {
  const session = await auth(request);
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 }); // expect: missing-www-authenticate
  }
  return NextResponse.json(await projects.forUser(session.user.id));
}

// Right: the challenge in the init.
export async function POST(request: NextRequest) {
  const session = await auth(request);
  if (!session) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="projects"' } });
  }
  return NextResponse.json(await projects.create(session.user.id, await request.json()), { status: 201 });
}

// Right too: set on the response before it is returned.
export async function PUT(request: NextRequest) {
  const session = await auth(request);
  if (!session) {
    const response = NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
    response.headers.set('WWW-Authenticate', 'Bearer realm="projects"');
    return response;
  }
  return NextResponse.json(await projects.update(session.user.id, await request.json()));
}

export async function DELETE(request: NextRequest) {
  const session = await auth(request);
  if (!session) {
    return new NextResponse(null, { status: 403 }); // expect: forbidden-for-missing-credentials
  }
  const id = request.nextUrl.searchParams.get('id')!;
  if ((await projects.get(id)).ownerId !== session.user.id) {
    return NextResponse.json({ error: 'Only the owner can delete a project' }, { status: 403 });
  }
  await projects.remove(id);
  return new NextResponse(null, { status: 204 });
}
