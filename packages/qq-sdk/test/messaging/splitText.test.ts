import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/messaging/splitText.js';

function fenceCount(chunk: string): number {
  return chunk.split('\n').filter((line) => /^\s{0,3}```/.test(line)).length;
}

describe('splitText', () => {
  it('returns short text as one chunk', () => {
    expect(splitText('你好', { maxLength: 100 })).toEqual(['你好']);
  });

  it('keeps every chunk within maxLength and loses no words', () => {
    const words = Array.from({ length: 800 }, (_, i) => `word${i}`);
    const chunks = splitText(words.join(' '), { maxLength: 200 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(200);
    expect(chunks.join(' ').split(/\s+/)).toEqual(words);
  });

  it('prefers paragraph boundaries', () => {
    const a = 'a'.repeat(60);
    const b = 'b'.repeat(60);
    expect(splitText(`${a}\n\n${b}`, { maxLength: 100 })).toEqual([a, b]);
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(500); // 1000 code units, no boundaries
    const chunks = splitText(text, { maxLength: 101 });
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(101);
      expect(chunk).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/u);
    }
    expect(chunks.join('')).toBe(text);
  });

  it('closes and reopens fenced code blocks so every chunk is balanced', () => {
    const code = Array.from({ length: 60 }, (_, i) => `const line${i} = ${i};`).join('\n');
    const text = `Here is the code:\n\n\`\`\`ts\n${code}\n\`\`\`\n\nDone.`;
    const chunks = splitText(text, { maxLength: 300 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(300);
      expect(fenceCount(chunk) % 2).toBe(0);
    }
    // Continuation chunks reopen with the same info string.
    expect(chunks[1]?.startsWith('```ts\n')).toBe(true);
    const lines = chunks
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('const line'));
    expect(lines).toHaveLength(60);
  });

  it('splits Chinese text at sentence punctuation', () => {
    const sentence = '今天天气很好，我们去公园散步。';
    const chunks = splitText(sentence.repeat(20), { maxLength: 100 });
    for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith('。') || chunk.endsWith('，')).toBe(true);
    expect(chunks.join('')).toBe(sentence.repeat(20));
  });

  it('rejects a nonsensical maxLength with the option named', () => {
    expect(() => splitText('x', { maxLength: 3 })).toThrow(/maxLength/);
  });
});
