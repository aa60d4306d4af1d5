import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture lives in eslint.config.mjs: these probes prove each rule still fires (and that
// the allowed direction stays allowed), linting source text as if it were at the given path.
const root = fileURLToPath(new URL('../../../../', import.meta.url));
// The probes are not files of a tsconfig project: parse them without types, and leave out the
// rules that need types (the real run, `pnpm lint:code`, has both).
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
});

async function rulesHit(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  const messages = result?.messages ?? [];
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${path} did not parse: ${fatal.message}`);
  return messages.map((message) => message.ruleId ?? 'unknown');
}

describe('eslint.config.mjs', () => {
  it('refuses an import from a higher layer of qq-sdk', async () => {
    expect(
      await rulesHit('packages/qq-sdk/src/events/Probe.ts', "import type { Message } from '../messaging/Message.js';\nexport type P = Message;\n"),
    ).toContain('no-restricted-imports');
    expect(await rulesHit('packages/qq-sdk/src/rest/resources/Probe.ts', "import { QQBot } from '../../bot.js';\nexport const p = QQBot;\n")).toContain(
      'no-restricted-imports',
    );
    expect(
      await rulesHit('packages/qq-sdk/src/errors/Probe.ts', "import { EventSchemas } from '../events/EventSchemas.js';\nexport const p = EventSchemas;\n"),
    ).toContain('no-restricted-imports');
  }, 60_000);

  it('allows the downward direction', async () => {
    expect(
      await rulesHit('packages/qq-sdk/src/messaging/Probe.ts', "import { EventSchemas } from '../events/EventSchemas.js';\nexport const p = EventSchemas;\n"),
    ).not.toContain('no-restricted-imports');
  }, 60_000);

  it('keeps Node out of the folders that run on fetch runtimes', async () => {
    expect(await rulesHit('packages/qq-sdk/src/events/Probe.ts', "export const p = Buffer.from('x');\n")).toContain('no-restricted-globals');
    expect(await rulesHit('packages/qq-sdk/src/media/Probe.ts', "import { readFile } from 'node:fs/promises';\nexport const p = readFile;\n")).toContain(
      'no-restricted-imports',
    );
  }, 60_000);

  it('refuses the console in library code', async () => {
    expect(await rulesHit('packages/qq-sdk/src/gateway/Probe.ts', "console.log('x');\nexport {};\n")).toContain('no-console');
  }, 60_000);

  it("keeps the plugin on qq-sdk's public entries", async () => {
    expect(await rulesHit('packages/clawdbot-qqbot/src/Probe.ts', "import { QQBot } from 'qq-sdk/src/bot.js';\nexport const p = QQBot;\n")).toContain(
      'no-restricted-imports',
    );
  }, 60_000);
});
