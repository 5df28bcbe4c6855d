// Lint for correctness and architecture, not taste (formatting is Prettier's job).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.data/**',
      '**/__generated__/**',
      '**/db/migrations/**',
      '.ci/**',
      'bench/results/**',
      'console/dist/**',
      'console/.dist-*/**',
      '.test-output/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/subgraphs/*/**', '!**/subgraphs/*/testing/**'],
              message:
                'A subgraph never imports another subgraph: cross-institution data travels through entities and the gateway.',
            },
          ],
        },
      ],
    },
  },
  {
    // Orchestration (the embedded hub, seeds, tests across services) wires every service together.
    files: ['scripts/**', 'test/**', 'codegen.ts', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**'],
    // Asymmetric matchers (`expect.any(String)`) are typed `any` by vitest itself.
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
