import { ruleTester } from '../rule-tester';

const origin = (body: string) => `import express from 'express';
const app = express();
app.get('/data', (req, res) => {
${body}
});
`;

ruleTester('proxy-auth-from-origin', {
  valid: [
    // Proxy code: a proxy library, CONNECT handling, Proxy-Authorization, the directive
    `import httpProxy from 'http-proxy';\nconst proxy = httpProxy.createProxyServer();\nexport function gate(req, res) {\n  res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="proxy"' });\n  res.end();\n}\n`,
    `import http from 'node:http';\nconst server = http.createServer((req, res) => {\n  res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="proxy"' }).end();\n});\nserver.on('connect', (req, clientSocket, head) => {});\n`,
    `import http from 'node:http';\nhttp.createServer((req, res) => {\n  if (!req.headers['proxy-authorization']) {\n    res.statusCode = 407;\n    res.setHeader('Proxy-Authenticate', 'Basic realm="proxy"');\n    return res.end();\n  }\n});\n`,
    `// http-auth-lint proxy\nexport function deny(req, res) {\n  res.sendStatus(407);\n}\n`,
    `export function tunnel(req, res) {\n  if (req.method === 'CONNECT') return res.writeHead(407).end();\n}\n`,
    // Not a status being sent
    origin(`  if (upstream.status === 407) return res.status(502).end();`),
  ],
  invalid: [
    {
      code: origin(`  res.status(407).set('Proxy-Authenticate', 'Basic realm="data"').end();`),
      errors: [{ text: 'res.status(407)', messageIncludes: '// http-auth-lint proxy' }],
      output: origin(`  res.status(401).set('WWW-Authenticate', 'Basic realm="data"').end();`),
    },
    {
      code: origin(`  res.sendStatus(407);`),
      errors: [{ text: 'res.sendStatus(407)' }],
      output: origin(`  res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);`),
    },
    {
      code: `import http from 'node:http';\nhttp.createServer((req, res) => {\n  res.writeHead(407, { 'Content-Type': 'text/plain' });\n  res.end('auth');\n});\n`,
      errors: [{ text: 'res.writeHead(407' }],
      output: `import http from 'node:http';\nhttp.createServer((req, res) => {\n  res.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer realm="api"' });\n  res.end('auth');\n});\n`,
    },
    {
      code: `import { StatusCodes } from 'http-status-codes';\nexport function deny(req, res) {\n  res.statusCode = StatusCodes.PROXY_AUTHENTICATION_REQUIRED;\n  res.end();\n}\n`,
      errors: [{ text: 'res.statusCode = StatusCodes.PROXY_AUTHENTICATION_REQUIRED' }],
      output: `import { StatusCodes } from 'http-status-codes';\nexport function deny(req, res) {\n  res.statusCode = StatusCodes.UNAUTHORIZED;\n  res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n  res.end();\n}\n`,
    },
    {
      name: 'a WWW-Authenticate already set: only the status changes',
      code: origin(`  res.set('WWW-Authenticate', 'Bearer realm="api"');\n  res.sendStatus(407);`),
      errors: [{ text: 'res.sendStatus(407)' }],
      output: origin(`  res.set('WWW-Authenticate', 'Bearer realm="api"');\n  res.sendStatus(401);`),
    },
  ],
});
