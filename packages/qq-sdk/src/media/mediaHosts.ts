/**
 * Where QQ serves the media users send: `multimedia.nt.qq.com.cn` for C2C and group attachments
 * (docs/platform-reference.md#attachment-hosts), `*.qpic.cn` (`gchat.qpic.cn`) for guild images, and QQ's
 * own `*.qq.com` / `*.qq.com.cn` hosts. A download may only go to these (or, after a redirect, to
 * another of these), so an attachment URL can never make the bot fetch an internal address.
 */
export const QQ_MEDIA_HOSTS: readonly string[] = ['multimedia.nt.qq.com.cn', '*.qpic.cn', '*.qq.com', '*.qq.com.cn'];

/**
 * Whether `host` matches one of `patterns` (`example.com` exactly, `*.example.com` for any
 * subdomain of it).
 *
 * @internal
 */
export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase();
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase();
    return p.startsWith('*.') ? name.endsWith(p.slice(1)) && name.length > p.length - 1 : name === p;
  });
}
