import { QQValidationError } from '../errors/QQValidationError.js';

/**
 * Refuses a message body whose text is longer than `limit` (see `MessageContentLimits`), naming
 * the field, so an oversized send never reaches the platform (40054007).
 *
 * @internal
 */
export function checkContentLength(body: { readonly content?: unknown; readonly markdown?: unknown }, limit: number, what: string): void {
  const markdown = body.markdown;
  const fields: Array<[string, unknown]> = [
    ['content', body.content],
    ['markdown.content', typeof markdown === 'object' && markdown !== null ? (markdown as { content?: unknown }).content : undefined],
  ];
  for (const [path, text] of fields) {
    if (typeof text === 'string' && text.length > limit) {
      throw new QQValidationError(what, [
        {
          path,
          message: `is ${text.length} characters, longer than the ${limit} a message may carry (maxContentLength); split it (msg.reply() does) or raise maxContentLength if QQ accepts more for your bot`,
        },
      ]);
    }
  }
}
