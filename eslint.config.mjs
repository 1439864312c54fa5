// ESLint: typescript-eslint's recommended rules, and a fence that keeps the core free of VS Code and Node.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.scratch/**', 'node_modules/**', '.vscode-test/**', '.bench/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The core runs the same in mocha, the CLI, the extension host and a browser: no vscode, no Node APIs.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core never imports vscode: convert types in the extension layer.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core runs in the browser too: no Node built-ins.' })),
          ],
          patterns: [{ group: ['node:*'], message: 'src/core runs in the browser too: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
