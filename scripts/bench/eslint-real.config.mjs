// The ESLint comparison on real repositories: typescript-eslint's parser over every file the CLI
// reads, and the no-restricted-syntax selectors of eslint.config.mjs.
import tseslint from 'typescript-eslint';
import bench from './eslint.config.mjs';

export default [
  { ignores: ['**/node_modules/**', '**/.*/**'] },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
    ignores: ['**/*.d.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: bench[0].rules,
  },
];
