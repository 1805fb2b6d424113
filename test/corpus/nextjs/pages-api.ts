// pages/api/uploads/[id].ts: the Pages Router API, where `res` works like Express's.
import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '../auth/[...nextauth]';
import { uploads } from '@/lib/uploads';

function withChallenge(res: NextApiResponse) {
  res.setHeader('WWW-Authenticate', 'Bearer realm="uploads"');
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
    return res.status(200).json(await uploads.replace(id, req.body));
  }

  if (req.method === 'DELETE') {
    if (!session) {
      return res.status(403).json({ error: 'Not logged in' }); // expect: forbidden-for-missing-credentials
    }
    const upload = await uploads.get(id);
    if (upload.ownerId !== session.user.id) {
      return res.status(403).json({ error: 'Not your upload' });
    }
    await uploads.remove(id);
    return res.status(204).end();
  }

  if (req.method === 'POST') {
    if (!session) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="uploads"');
      return res.status(401).end();
    }
    if (!session.user.permissions?.includes('uploads:write')) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="uploads", error="insufficient_scope"');
      return res.status(401).end(); // expect: unauthorized-for-permission
    }
    return res.status(201).json(await uploads.create(req.body));
  }

  res.setHeader('Allow', 'GET, PUT, POST, DELETE');
  return res.status(405).end();
}
