// ESLint: the rules that carry the architecture, plus the few correctness rules types alone miss.
// Style is left to the formatter and the compiler (strict TypeScript). `pnpm lint:code` runs it;
// `pnpm check` includes it.
import tseslint from 'typescript-eslint';

const SDK = 'packages/qq-sdk/src';

/** Imports a lower layer of qq-sdk must not make: it would pull the layers above into it. */
const upwardImports = (forbidden) => ({
  'no-restricted-imports': [
    'error',
    { patterns: forbidden.map((group) => ({ group: [group], message: 'A lower layer must not import a higher one (see CONTRIBUTING.md, layout).' })) },
  ],
});

/** Node-only globals and modules, refused where code must also run on fetch runtimes (Workers, Deno, Bun). */
const nodeFree = (upward) => ({
  'no-restricted-globals': [
    'error',
    ...['Buffer', 'process', '__dirname', '__filename', 'require', 'global', 'setImmediate'].map((name) => ({
      name,
      message: 'This folder runs on fetch runtimes too: use web platform APIs.',
    })),
  ],
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['node:*'], message: 'This folder runs on fetch runtimes too: no Node built-ins.' },
        ...upwardImports(upward)['no-restricted-imports'][1].patterns,
      ],
    },
  ],
});

export default tseslint.config(
  {
    // e2e/hostTypes/check.ts compiles only against an installed OpenClaw (e2e/hostTypes.mjs).
    ignores: ['**/dist/**', '**/node_modules/**', 'docs/api/**', 'reports/**', '**/.cache/**', '**/*.d.ts', 'packages/clawdbot-qqbot/e2e/hostTypes/check.ts'],
  },
  { rules: { 'no-control-regex': 'error' } },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: { allowDefaultProject: ['*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its rejection: the bot process dies of an unhandled rejection.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-debugger': 'error',
    },
  },
  // Library code reports through the logger the user passes, never the console.
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: [`${SDK}/testing/cli.ts`, `${SDK}/testing/runSimulatorCli.ts`],
    rules: { 'no-console': 'error', '@typescript-eslint/no-explicit-any': 'error' },
  },
  // The layers of qq-sdk, from the bottom: errors, logging, internal → events → auth, rest →
  // gateway, webhook → messaging → media → bot (QQBot) → testing, redis.
  {
    files: [`${SDK}/errors/**`, `${SDK}/internal/**`],
    rules: upwardImports([
      '**/events/*',
      '**/auth/*',
      '**/rest/*',
      '**/media/*',
      '**/gateway/*',
      '**/webhook/*',
      '**/messaging/*',
      '**/bot.js',
      '**/testing/*',
      '**/redis/*',
    ]),
  },
  {
    files: [`${SDK}/auth/**`, `${SDK}/rest/**`],
    rules: upwardImports(['**/gateway/*', '**/webhook/*', '**/messaging/*', '**/bot.js', '**/testing/*', '**/redis/*']),
  },
  { files: [`${SDK}/gateway/**`, `${SDK}/webhook/**`], rules: upwardImports(['**/messaging/*', '**/bot.js', '**/testing/*', '**/redis/*']) },
  { files: [`${SDK}/messaging/**`], rules: upwardImports(['**/bot.js', '**/testing/*', '**/redis/*']) },
  // Folders that must stay free of Node: the events layer, logging and received-media downloads
  // (media sits above messaging: it downloads a message's attachments).
  {
    files: [`${SDK}/events/**`],
    rules: nodeFree(['**/auth/*', '**/rest/*', '**/media/*', '**/gateway/*', '**/webhook/*', '**/messaging/*', '**/bot.js', '**/testing/*', '**/redis/*']),
  },
  {
    files: [`${SDK}/logging/**`],
    rules: nodeFree([
      '**/events/*',
      '**/auth/*',
      '**/rest/*',
      '**/media/*',
      '**/gateway/*',
      '**/webhook/*',
      '**/messaging/*',
      '**/bot.js',
      '**/testing/*',
      '**/redis/*',
    ]),
  },
  { files: [`${SDK}/media/**`], rules: nodeFree(['**/bot.js', '**/testing/*', '**/redis/*']) },
  // The plugin uses qq-sdk as its users do: through the package's public entries only.
  {
    files: ['packages/clawdbot-qqbot/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['qq-sdk/src/*', 'qq-sdk/dist/*', '**/qq-sdk/src/**', '**/qq-sdk/dist/**'],
              message: "Import qq-sdk through its public entries ('qq-sdk', 'qq-sdk/rest', …).",
            },
          ],
        },
      ],
    },
  },
);
