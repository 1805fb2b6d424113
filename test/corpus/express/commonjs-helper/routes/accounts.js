const express = require('express');
const api = require('../lib/api');
const { sendError } = require('../lib/api');

const router = express.Router();

router.get('/accounts/me', (req, res) => {
  if (!req.headers.authorization) return api.sendError(401, res, new Error('missing token')); // expect: missing-www-authenticate
  res.json(req.user);
});

router.delete('/accounts/:id', (req, res) => {
  if (!req.user) return api.sendAuthError(401, res, 'sign in first');
  if (req.user.role !== 'admin') return sendError(401, res, new Error('admins only')); // expect: missing-www-authenticate, unauthorized-for-permission
  if (!req.session.csrf || req.session.csrf !== req.body.csrf) return sendError(403, res, new Error('csrf mismatch'));
  res.status(204).end();
});

router.get('/accounts/:id', (req, res) => {
  if (!req.params.id) return sendError(400, res, new Error('id required'));
  res.json({ id: req.params.id });
});

module.exports = router;
