import { canEditProject, currentUser } from '@/lib/access';
import { forbidden, unauthorized, unauthorizedWithChallenge } from '@/lib/http';

export async function PATCH(request: Request) {
  const user = await currentUser(request);
  if (!user) return unauthorizedWithChallenge();
  if (!(await canEditProject(user, 'p-1'))) {
    return unauthorized('You cannot edit this project'); // expect: unauthorized-for-permission
  }
  return Response.json({ ok: true });
}

export async function DELETE(request: Request) {
  const user = await currentUser(request);
  if (!user) return forbidden('Sign in first'); // expect: forbidden-for-missing-credentials
  if (!(await canEditProject(user, 'p-1'))) return forbidden();
  return new Response(null, { status: 204 });
}
