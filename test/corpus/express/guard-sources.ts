// Guards read by where their values come from: the 403s here refuse something other than the
// caller's credentials (a record not found, a setting, a CSRF token, a host) and are right; the
// marked ones answer missing credentials with 403, or a refused permission with 401.
import { Router } from 'express';
import { db } from '../lib/db';
import { getSession, canArchiveBoard } from '../lib/auth';

const router = Router();
const PUBLIC_HOST = process.env.PUBLIC_HOST ?? 'boards.example.com';

router.post('/boards/:id/archive', async (req, res) => {
  const viewer = await getSession(req);
  if (!viewer) {
    return res.status(403).json({ error: 'sign in first' }); // expect: forbidden-for-missing-credentials
  }
  const board = await db.board.findUnique({ where: { id: req.params.id } });
  if (!board) {
    // Not found for this caller: a 403 (or a 404) is right, it is no credential.
    return res.status(403).json({ error: 'no such board' });
  }
  const allowed = await canArchiveBoard(viewer, board);
  if (!allowed) {
    return res.status(401).set('WWW-Authenticate', 'Bearer realm="boards"').json({ error: 'not yours' }); // expect: unauthorized-for-permission
  }
  return res.json(await db.board.update({ where: { id: board.id }, data: { archived: true } }));
});

router.post('/signup', async (req, res) => {
  if (!process.env.SIGNUP_OPEN) {
    return res.status(403).json({ error: 'sign-up is closed' });
  }
  if (req.body.csrfToken !== req.session.csrfToken) {
    return res.status(403).json({ error: 'stale form' });
  }
  if (req.hostname !== PUBLIC_HOST) {
    return res.status(403).json({ error: 'wrong host' });
  }
  return res.status(201).json(await db.user.create({ data: req.body }));
});

router.delete('/boards/:id/cards/:card', async (req, res) => {
  const card = await db.card.findUnique({ where: { id: req.params.card } });
  if (card && card.creatorId !== req.user.id) {
    return res.status(403).json({ error: 'only the creator may delete a card' });
  }
  return res.status(204).end();
});

export default router;
