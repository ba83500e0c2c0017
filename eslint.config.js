// Lint config: typescript-eslint's type-aware recommended rules over all TypeScript in the repo.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'schemas-cache/**', 'coverage/**', '.scratch/**', '.bench-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  // The web page's modules run in the browser (their types are checked by src/server/web/tsconfig.client.json).
  {
    files: ['src/server/web/assets/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window', 'document', 'sessionStorage', 'fetch', 'Headers', 'FormData', 'URL', 'URLSearchParams', 'Option',
          'setTimeout', 'clearTimeout', 'performance', 'Node', 'Element', 'HTMLElement', 'HTMLInputElement', 'HTMLButtonElement',
          'HTMLSelectElement', 'HTMLFormElement', 'HTMLTableElement', 'HTMLDialogElement', 'HTMLDataListElement',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
);
