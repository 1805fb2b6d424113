import { ruleTester } from '../rule-tester';

const proxy = (body: string) => `// http-auth-lint proxy
import http from 'node:http';
http.createServer((req, res) => {
${body}
});
`;

ruleTester('missing-proxy-authenticate', {
  valid: [
    proxy(`  res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="proxy"' }).end();`),
    proxy(`  res.statusCode = 407;\n  res.setHeader('proxy-authenticate', 'Basic realm="proxy"');\n  res.end();`),
    proxy(`  res.writeHead(407, challengeHeaders).end();`),
    // An origin's 407 is proxy-auth-from-origin's finding
    `import express from 'express';\nconst app = express();\napp.get('/', (req, res) => res.sendStatus(407));\n`,
    proxy(`  res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="api"' }).end();`),
  ],
  invalid: [
    {
      code: proxy(`  if (!req.headers['proxy-authorization']) {\n    res.writeHead(407);\n    return res.end();\n  }`),
      errors: [{ text: 'res.writeHead(407', messageIncludes: 'Proxy-Authenticate: Basic realm="proxy"' }],
      output: proxy(`  if (!req.headers['proxy-authorization']) {\n    res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="proxy"' });\n    return res.end();\n  }`),
    },
    {
      name: 'a CONNECT handler',
      code: `import http from 'node:http';\nconst server = http.createServer((req, res) => {\n  res.statusCode = 407;\n  res.end();\n});\nserver.on('connect', (req, socket, head) => socket.end());\n`,
      errors: [{ text: 'res.statusCode = 407' }],
      output: `import http from 'node:http';\nconst server = http.createServer((req, res) => {\n  res.statusCode = 407;\n  res.setHeader('Proxy-Authenticate', 'Basic realm="proxy"');\n  res.end();\n});\nserver.on('connect', (req, socket, head) => socket.end());\n`,
    },
    {
      name: 'a WWW-Authenticate is not a proxy challenge',
      code: proxy(`  res.writeHead(407, { 'WWW-Authenticate': 'Basic realm="proxy"' }).end();`),
      errors: [{ text: 'res.writeHead(407' }],
      output: proxy(`  res.writeHead(407, { 'WWW-Authenticate': 'Basic realm="proxy"', 'Proxy-Authenticate': 'Basic realm="proxy"' }).end();`),
    },
  ],
});
