// pages/api/uploads/[id].ts: a Next.js Pages Router API route with the mistakes HTTP Auth Lint
// finds. `res` works like Express's but has no `res.set`: headers go through `res.setHeader`.
import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '../auth/[...nextauth]';
import { uploads } from '@/lib/uploads';

// Right: a helper of the file sets the challenge on the response it is given.
function withChallenge(res: NextApiResponse, error?: string) {
  res.setHeader('WWW-Authenticate', error ? `Bearer realm="uploads", error="${error}"` : 'Bearer realm="uploads"');
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  const id = req.query.id as string;

  if (req.method === 'GET') {
    if (!session) {
      return res.status(401).json({ error: 'Unauthorized' }); // expect: missing-www-authenticate
    }
    return res.status(200).json(await uploads.get(id));
  }

  if (req.method === 'PUT') {
    if (!session) {
      withChallenge(res);
      return res.status(401).json({ error: 'Unauthorized' });
    }
    const upload = await uploads.get(id);
    if (upload.ownerId !== session.user.id) {
      withChallenge(res, 'insufficient_scope');
      return res.status(401).json({ error: 'Not your upload' }); // expect: unauthorized-for-permission
    }
    return res.status(200).json(await uploads.replace(id, req.body));
  }

  if (req.method === 'DELETE') {
    if (!session) {
      res.setHeader('WWW-Authenticate', 'Bearer'); // expect: invalid-challenge
      return res.status(401).end();
    }
    await uploads.remove(id);
    return res.status(204).end();
  }

  res.setHeader('Allow', 'GET, PUT, DELETE');
  return res.status(405).end();
}
