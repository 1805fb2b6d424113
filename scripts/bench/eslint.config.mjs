// What a team would write instead of this linter: typescript-eslint's parser and one
// no-restricted-syntax rule with selectors for the same call shapes (a 401/403/407 status set on a
// response). No type information, as in the engine.
import tseslint from 'typescript-eslint';

const statuses = '/^40[137]$/';
export default [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `CallExpression[callee.property.name=/^(status|sendStatus|code|writeHead)$/][arguments.0.raw=${statuses}]`, message: 'auth status' },
        { selector: `AssignmentExpression[left.property.name=/^(status|statusCode)$/][right.raw=${statuses}]`, message: 'auth status' },
        { selector: `NewExpression[callee.name=/Exception$/]`, message: 'auth exception' },
        { selector: `Property[key.name='status'][value.raw=${statuses}]`, message: 'auth status in an init' },
        { selector: `CallExpression[callee.property.name=/^(set|header|setHeader)$/][arguments.0.value=/www-authenticate/i]`, message: 'challenge' },
      ],
    },
  },
];
