import express from 'express';
import { getHealth, getSession } from '../controllers/session';

const router = express.Router();

router.get('/session', async (req, res) => {
  const result = await getSession(req.headers as Record<string, string | undefined>);
  res.status(result.status).json(result.body); // expect: missing-www-authenticate
});

router.get('/health', async (req, res) => {
  const result = await getHealth();
  res.status(result.status).json(result.body);
});

export default router;
