// Tests and mocks: they assert on statuses and fake responses, they do not serve anything.
import request from 'supertest';
import nock from 'nock';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it, jest } from '@jest/globals';
import { app } from '../src/app';
import { requireUser } from '../src/middleware/require-user';

const mswServer = setupServer(
  http.get('https://auth.example.com/userinfo', () => HttpResponse.json({ error: 'invalid_token' }, { status: 401 })),
  http.get('https://auth.example.com/admin', () => new HttpResponse(null, { status: 403 })),
);

function mockResponse() {
  const res: Record<string, unknown> = {};
  res.status = jest.fn().mockReturnValue(res);
  res.set = jest.fn().mockReturnValue(res);
  res.json = jest.fn().mockReturnValue(res);
  res.sendStatus = jest.fn().mockReturnValue(res);
  return res;
}

describe('GET /me', () => {
  it('answers 401 with a challenge without a token', async () => {
    await request(app)
      .get('/me')
      .expect(401)
      .expect('WWW-Authenticate', /^Bearer realm=/);
  });

  it('answers 403 to a user without the role', async () => {
    const res = await request(app).get('/admin').set('Authorization', 'Bearer user-token');
    expect(res.status).toBe(403);
    expect(res.headers['www-authenticate']).toBeUndefined();
  });
});

describe('requireUser', () => {
  it('sends 401 when there is no user', () => {
    const res = mockResponse();
    const next = jest.fn();
    requireUser({ headers: {} } as never, res as never, next);
    expect(res.status).toHaveBeenCalledWith(401);
    expect(res.set).toHaveBeenCalledWith('WWW-Authenticate', 'Bearer realm="api"');
    expect(next).not.toHaveBeenCalled();
  });
});

describe('upstream identity provider', () => {
  it('maps an upstream 401 to a session error', async () => {
    nock('https://idp.example.com').get('/userinfo').reply(401, { error: 'invalid_token' });
    nock('https://idp.example.com').get('/groups').reply(403);
    nock('https://proxy.example.com').get('/').reply(407, '', { 'Proxy-Authenticate': 'Basic' });
    const res = await request(app).get('/me/groups').set('Authorization', 'Bearer x');
    expect(res.statusCode).toEqual(401);
  });

  it('uses msw for the userinfo endpoint', async () => {
    mswServer.listen();
    const res = await request(app).get('/me/profile').set('Authorization', 'Bearer x');
    expect([401, 403]).toContain(res.status);
    mswServer.close();
  });
});
