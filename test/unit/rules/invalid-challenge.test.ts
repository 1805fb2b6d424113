import { ruleTester } from '../rule-tester';

const route = (body: string) => `import express from 'express';
const app = express();
app.get('/me', (req, res) => {
${body}
});
`;

ruleTester('invalid-challenge', {
  valid: [
    route(`  res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').end();`),
    route(`  res.set('WWW-Authenticate', 'Basic realm="admin", charset="UTF-8"').sendStatus(401);`),
    route(`  res.setHeader('WWW-Authenticate', 'Newauth realm="apps", type=1, title="Login", Basic realm="simple"');`),
    route(`  res.setHeader('WWW-Authenticate', 'Negotiate');`),
    // Values not known statically are not judged
    route(`  res.setHeader('WWW-Authenticate', \`Bearer realm="\${realm}"\`);`),
    route(`  res.setHeader('WWW-Authenticate', challenge);`),
    // Other headers are not challenges
    route(`  res.set('X-Auth', 'Bearer');`),
  ],
  invalid: [
    {
      code: route(`  res.status(401).set('WWW-Authenticate', 'Bearer').end();`),
      errors: [{ text: 'Bearer', occurrence: 0, messageIncludes: 'at least one parameter' }],
      output: route(`  res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();`),
    },
    {
      name: 'an unquoted realm: the value is underlined',
      code: route(`  res.set('WWW-Authenticate', 'Basic realm=admin').sendStatus(401);`),
      errors: [{ text: 'admin', messageIncludes: 'quoted string' }],
      output: route(`  res.set('WWW-Authenticate', 'Basic realm="admin"').sendStatus(401);`),
    },
    {
      name: 'Basic without realm',
      code: route(`  res.writeHead(401, { 'WWW-Authenticate': "Basic" }).end();`),
      errors: [{ text: 'Basic', messageIncludes: 'must have a realm' }],
      output: route(`  res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="api"' }).end();`),
    },
    {
      name: 'an empty value',
      code: route(`  res.set('WWW-Authenticate', '').sendStatus(401);`),
      errors: [{ text: "''", messageIncludes: 'carries no challenge' }],
      output: route(`  res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);`),
    },
    {
      name: 'a repeated parameter',
      code: route(`  res.set('WWW-Authenticate', 'Bearer realm="a", realm="b"').sendStatus(401);`),
      errors: [{ text: 'realm="b"', messageIncludes: 'repeated' }],
      output: route(`  res.set('WWW-Authenticate', 'Bearer realm="a"').sendStatus(401);`),
    },
    {
      name: 'a syntax error: no guess at a fix',
      code: route(`  res.set('Proxy-Authenticate', 'Basic realm="proxy').sendStatus(407);`),
      errors: [{ text: '"proxy', messageIncludes: 'never closed' }],
      output: null,
    },
    {
      name: 'a const: reported once, where it is written',
      code: `const CHALLENGE = 'Bearer';\nexport function a(req, res) {\n  res.set('WWW-Authenticate', CHALLENGE).sendStatus(401);\n}\nexport function b(req, res) {\n  res.set('WWW-Authenticate', CHALLENGE).sendStatus(401);\n}\n`,
      errors: [{ text: 'Bearer' }],
      output: `const CHALLENGE = 'Bearer realm="api"';\nexport function a(req, res) {\n  res.set('WWW-Authenticate', CHALLENGE).sendStatus(401);\n}\nexport function b(req, res) {\n  res.set('WWW-Authenticate', CHALLENGE).sendStatus(401);\n}\n`,
    },
  ],
});
