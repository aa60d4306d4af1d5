import { describe, expect, it } from 'vitest';
import { applyUrlPolicy } from '../../src/messaging/UrlPolicy.js';

describe('applyUrlPolicy', () => {
  it('defangs scheme URLs, www. addresses and bare domains by default policy "defang"', () => {
    const { text, changed } = applyUrlPolicy('看这里 https://example.com/a?b=1 和 www.qq.com 以及 openclaw.ai。', { policy: 'defang' });
    expect(text).toBe('看这里 example[.]com/a?b=1 和 www[.]qq[.]com 以及 openclaw[.]ai。');
    expect(changed).toEqual(['https://example.com/a?b=1', 'www.qq.com', 'openclaw.ai']);
  });

  it('keeps sentence punctuation outside the URL', () => {
    expect(applyUrlPolicy('Go to example.com.', { policy: 'defang' }).text).toBe('Go to example[.]com.');
  });

  it('rewrites markdown links, keeping the label', () => {
    expect(applyUrlPolicy('[文档](https://docs.example.com/x)', { policy: 'defang' }).text).toBe('文档 (docs[.]example[.]com/x)');
    expect(applyUrlPolicy('read [the docs](https://docs.example.com/x) now', { policy: 'strip' }).text).toBe('read the docs now');
  });

  it('strips URLs entirely with "strip"', () => {
    expect(applyUrlPolicy('visit https://a.example.com/x today', { policy: 'strip' }).text).toBe('visit today');
  });

  it('passes registered domains and their subdomains untouched', () => {
    const result = applyUrlPolicy('https://bot.example.com/x and https://evil.com', {
      policy: 'defang',
      allowedDomains: ['example.com'],
    });
    expect(result.text).toBe('https://bot.example.com/x and evil[.]com');
    expect(result.changed).toEqual(['https://evil.com']);
    expect(applyUrlPolicy('[ok](https://example.com/a)', { policy: 'strip', allowedDomains: ['example.com'] }).text).toBe('[ok](https://example.com/a)');
  });

  it('calls a function policy for every URL', () => {
    const result = applyUrlPolicy('a https://x.com/1 b y.cn', { policy: (url) => `<${url.length}>` });
    expect(result.text).toBe('a <15> b <4>');
  });

  it('leaves "allow" text unchanged and does not mistake file names or e-mail for URLs', () => {
    const text = 'see README.md, main.py, index.ts and dev@example.com';
    expect(applyUrlPolicy(text, { policy: 'allow' }).text).toBe(text);
    expect(applyUrlPolicy('see README.md, main.py and index.ts', { policy: 'defang' }).changed).toEqual([]);
    expect(applyUrlPolicy('mail dev@example.com', { policy: 'defang' }).text).toBe('mail dev@example.com');
  });
});
