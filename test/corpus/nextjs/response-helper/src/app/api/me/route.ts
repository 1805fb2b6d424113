// Mentions no status: the index reads it because it calls a helper that sends one.
import { currentUser } from '@/lib/access';
import { unauthorized } from '@/lib/http';

export async function GET(request: Request) {
  const user = await currentUser(request);
  if (!user) return unauthorized();
  return Response.json(user);
}
