// Lint pass run by `npm test` (and so by CI). Examples and fixtures are handler code with
// intentional mistakes for the rules to find, not project code.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', '.e2e/', 'examples/', 'test/corpus/', 'test/e2e/fixtures/', 'bench-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // V8 gives an object literal with its own getter closures a map of its own, in the old generation,
    // and such maps kept whole ASTs alive through every young-generation collection: half the
    // engine's time over a workspace went to the garbage collector. Methods or class getters do not.
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ObjectExpression > Property[kind=/^(get|set)$/]', message: 'No getters or setters in object literals in the engine: use a method, or a class (see the comment in eslint.config.mjs).' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
