import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Only the host adapter talks to the GitHub runner; the domain modules stay testable without it.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@actions/core',
              message: 'Use the ActionHost passed in; only src/host/github.ts imports @actions/core.',
            },
          ],
        },
      ],
    },
  },
  { files: ['src/host/github.ts'], rules: { 'no-restricted-imports': 'off' } },
  // The ground floor (processes, files, the network, RPM and repository metadata) knows nothing
  // of actions or hosts: the error vocabulary and the reporter interfaces sit beside it in src/.
  {
    files: ['src/{exec,fs,net,rpm,repodata}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@actions/core', message: 'Only src/host/github.ts imports @actions/core.' }],
          patterns: [
            {
              group: ['**/action/*', '**/host/*'],
              message:
                'exec, fs, net, rpm and repodata import nothing from src/action or src/host: take what you need as a parameter (src/reporter.ts, src/errors.ts).',
            },
          ],
        },
      ],
    },
  },
)
