import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageContentLimits } from 'qq-sdk/rest';
import { DEFAULT_REPLY_RULES } from 'qq-sdk/messaging';
import { describe, expect, it } from 'vitest';
import { MAX_REPLIES_PER_MESSAGE } from '../../src/constants.js';
import { createQQBot, createQQBotChannelPlugin } from '../../src/index.js';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/**
 * A reply rule or message limit written as a number: the plugin must read these from qq-sdk
 * (DEFAULT_REPLY_RULES, MessageContentLimits), where each platform fact lives once.
 */
const RESTATED_RULE = /\b(maxReplies|windowMs|MAX_REPLIES\w*|REPLY_(?:LIMIT|WINDOW)\w*|textChunkLimit|maxTextLength|MAX_TEXT_LENGTH)\s*[:=]\s*[\d(]/u;

describe('the plugin restates no platform reply rule', () => {
  it('no source file writes a reply count, reply window or text limit as a number', () => {
    const found = sources(src).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (RESTATED_RULE.test(line) ? [`${relative(src, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('the guard recognises a restated rule', () => {
    for (const line of ['export const MAX_REPLIES_PER_MESSAGE = 5;', '  group: { windowMs: 300_000 },', 'textChunkLimit: 2000,', 'const maxReplies = (4);']) {
      expect(RESTATED_RULE.test(line), line).toBe(true);
    }
    expect(RESTATED_RULE.test('export const MAX_REPLIES_PER_MESSAGE: number = DEFAULT_REPLY_RULES.group.maxReplies;')).toBe(false);
  });

  it('the values the plugin uses are the SDK’s', () => {
    expect(MAX_REPLIES_PER_MESSAGE).toBe(DEFAULT_REPLY_RULES.group.maxReplies);
    const plugin = createQQBotChannelPlugin({ createBot: createQQBot, sources: { env: () => ({}), readFile: () => '' } });
    expect(plugin.outbound.textChunkLimit).toBe(MessageContentLimits.safeChunkLength);
  });
});
