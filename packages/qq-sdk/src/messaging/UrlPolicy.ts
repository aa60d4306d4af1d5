/**
 * What to do with URLs in outgoing text. QQ refuses any message whose text contains a URL — a
 * scheme URL, a `www.` address, a bare domain such as `example.com`, or a markdown link — unless the
 * domain is registered in the bot's console (40054010 on C2C/group, 304003 on guild):
 * - `'allow'`: send as is (for bots whose links are all registered);
 * - `'defang'` (default): keep them readable but not linkable, `example[.]com/path`;
 * - `'strip'`: remove them (a markdown link keeps its label);
 * - a function: return the replacement text for each URL.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/send.html
 */
export type UrlPolicy = 'allow' | 'defang' | 'strip' | ((url: string) => string);

/** Options of {@link applyUrlPolicy}. */
export interface UrlPolicyOptions {
  /** The policy to apply. */
  readonly policy: UrlPolicy;
  /**
   * Domains registered in the console; URLs on them (or their subdomains) pass untouched.
   * Example: `['example.com']` also allows `docs.example.com`.
   */
  readonly allowedDomains?: readonly string[];
  /**
   * Also treat every `name.letters` word as a link (`README.md`, `openclaw.json`), not only
   * known top-level domains. The platform's own check is stricter than the default and not
   * documented; the sender applies this on a resend after QQ refused a URL (40054010 / 304003).
   * @defaultValue false
   */
  readonly strict?: boolean;
}

/** The platform's error codes for "this message contains a URL that is not registered": v2 scenes, guild scenes. */
export const URL_REFUSED_CODES: ReadonlySet<number> = new Set([40054010, 304003]);

/** The text after {@link applyUrlPolicy}, with the URLs it changed. */
export interface UrlPolicyResult {
  /** The text to send. */
  readonly text: string;
  /** The URLs that were defanged, stripped or replaced (allowed ones are not listed). */
  readonly changed: readonly string[];
}

// Top-level domains a bare `word.tld` is taken as a URL for. File extensions that are also TLDs
// and common in chat (md, py, sh, rs, pl, ts-like names) are left out to avoid false positives.
const BARE_TLDS = [
  'com',
  'cn',
  'net',
  'org',
  'io',
  'ai',
  'dev',
  'app',
  'me',
  'co',
  'info',
  'xyz',
  'top',
  'site',
  'cc',
  'tv',
  'gov',
  'edu',
  'uk',
  'jp',
  'de',
  'fr',
  'ru',
  'us',
  'hk',
  'tw',
  'kr',
  'sg',
  'gg',
  'ly',
  'link',
  'club',
  'vip',
  'shop',
  'online',
  'tech',
  'cloud',
  'fun',
  'icu',
  'ink',
  'wang',
  'work',
  'live',
  'pro',
  'biz',
  'asia',
  'news',
  'blog',
  'wiki',
  'store',
  'space',
  'website',
  'run',
  'so',
] as const;

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PATH = String.raw`(?:[/?#][^\s<>()\[\]{}"'，。！？、；：）】》]*)?`;
const PORT = String.raw`(?::\d{1,5})?`;
const URL_SOURCE = [
  // scheme URLs
  String.raw`[a-z][a-z0-9+.-]*://[^\s<>()\[\]{}"'，。！？、；：）】》]+`,
  // www. addresses
  String.raw`www\.(?:${HOST_LABEL}\.)*${HOST_LABEL}${PORT}${PATH}`,
  // bare domains with a known TLD
  String.raw`(?:${HOST_LABEL}\.)+(?:${BARE_TLDS.join('|')})(?![a-z0-9-])${PORT}${PATH}`,
].join('|');
const MARKDOWN_LINK = String.raw`\[([^\]\n]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)`;
const PATTERN = new RegExp(`${MARKDOWN_LINK}|(?<![\\w@.-])(?:${URL_SOURCE})`, 'giu');
// Strict: any dotted name ending in 2–24 letters, as the platform may read it.
const STRICT_PATTERN = new RegExp(`${MARKDOWN_LINK}|(?<![\\w@.-])(?:${URL_SOURCE}|(?:${HOST_LABEL}\\.)+[a-z]{2,24}(?![a-z0-9-])${PORT}${PATH})`, 'giu');
const TRAILING_PUNCTUATION = /[.,;:!?]+$/u;

/** The lower-cased host of a URL-like string, with or without a scheme. */
function hostOf(url: string): string {
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//iu, '');
  const host = withoutScheme.split(/[/?#:]/u, 1)[0] ?? '';
  return host.toLowerCase();
}

function isAllowed(url: string, allowedDomains: readonly string[]): boolean {
  const host = hostOf(url);
  return allowedDomains.some((domain) => {
    const d = domain.toLowerCase().replace(/^\*?\./u, '');
    return host === d || host.endsWith(`.${d}`);
  });
}

/** `https://a.example.com/x` → `a[.]example[.]com/x`: readable, not a link. */
function defang(url: string): string {
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//iu, '');
  const hostEnd = withoutScheme.search(/[/?#]/u);
  const host = hostEnd < 0 ? withoutScheme : withoutScheme.slice(0, hostEnd);
  const rest = hostEnd < 0 ? '' : withoutScheme.slice(hostEnd);
  return host.replaceAll('.', '[.]') + rest;
}

/**
 * Applies a {@link UrlPolicy} to outgoing text. `msg.reply()` does this for you with the bot's
 * `urlPolicy` and `allowedDomains` options.
 *
 * @example
 * ```ts
 * applyUrlPolicy('see https://example.com/a.', { policy: 'defang' }).text; // 'see example[.]com/a.'
 * ```
 */
export function applyUrlPolicy(text: string, options: UrlPolicyOptions): UrlPolicyResult {
  const { policy } = options;
  if (policy === 'allow') return { text, changed: [] };
  const allowedDomains = options.allowedDomains ?? [];
  const changed: string[] = [];
  const transform = (url: string): string => {
    if (isAllowed(url, allowedDomains)) return url;
    changed.push(url);
    if (policy === 'defang') return defang(url);
    if (policy === 'strip') return '';
    return policy(url);
  };
  const result = text.replace(options.strict === true ? STRICT_PATTERN : PATTERN, (match: string, label?: string, linkUrl?: string) => {
    if (linkUrl !== undefined) {
      // A markdown link: the platform checks its target even when the label has no URL.
      if (isAllowed(linkUrl, allowedDomains)) return match;
      const replaced = transform(linkUrl);
      const inner = applyUrlPolicy(label ?? '', options);
      changed.push(...inner.changed);
      const shownLabel = inner.text;
      if (policy === 'strip') return shownLabel;
      return shownLabel.length > 0 ? `${shownLabel} (${replaced})` : replaced;
    }
    // A trailing full stop or comma belongs to the sentence, not the URL.
    const trailing = TRAILING_PUNCTUATION.exec(match)?.[0] ?? '';
    const url = trailing.length > 0 ? match.slice(0, -trailing.length) : match;
    return transform(url) + trailing;
  });
  return { text: policy === 'strip' ? result.replace(/[ \t]{2,}/gu, ' ') : result, changed };
}
