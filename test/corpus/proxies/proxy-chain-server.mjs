// An authenticating egress proxy built on proxy-chain, with a small health endpoint next to it.
import ProxyChain from 'proxy-chain';
import http from 'node:http';
import { accounts } from './accounts.mjs';

// proxy-chain answers 407 with `Proxy-Authenticate: Basic realm="..."` itself when
// requestAuthentication is true: no status is written here.
const server = new ProxyChain.Server({
  port: 8000,
  authRealm: 'egress',
  prepareRequestFunction: async ({ username, password, hostname }) => {
    const account = await accounts.check(username, password);
    if (!account) {
      return { requestAuthentication: true };
    }
    return { upstreamProxyUrl: account.upstream, customTag: `${account.id}:${hostname}` };
  },
});

server.on('requestFailed', ({ request, error }) => {
  console.error(`request ${request.url} failed`, error.message);
});

await server.listen();

// The proxy's status page asks for proxy credentials too; this one forgets the challenge
// on one branch.
http.createServer((req, res) => {
  const header = req.headers['proxy-authorization'];
  if (!header) {
    res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="egress"' });
    return res.end();
  }
  if (!accounts.isOperator(header)) {
    res.writeHead(407); // expect: missing-proxy-authenticate
    return res.end();
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ connections: server.getConnectionIds().length }));
}).listen(8001);
