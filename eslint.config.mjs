// Lint runs in the test command; type-aware rules are left out to keep it fast.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.kith/**',
      'packages/contracts/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Files past ~300 lines hold more than one concept (docs/architecture.md, "Code style"):
    // a warning, so a file that grows past it is seen in review and split.
    files: ['packages/*/src/**/*.ts', 'services/*/src/**/*.ts', 'tools/*/src/**/*.ts'],
    rules: { 'max-lines': ['warn', { max: 300 }] },
  },
  {
    // domain/ is plain functions with no I/O: it never sees a database, Kafka or gRPC, nor the
    // kits that wrap them. Type-only imports count too: a domain type shaped by mongoose is
    // still coupled to it.
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'mongoose',
                'mongoose/*',
                'mongodb',
                'mongodb/*',
                'kafkajs',
                'kafkajs/*',
                '@grpc/*',
                '@kith/bus',
                '@kith/grpc-kit',
                '@kith/service-kit',
              ],
              message:
                'domain/ is pure: pass data in from app/, store/ or grpc/ (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // The jest configs are CommonJS by jest's convention.
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
