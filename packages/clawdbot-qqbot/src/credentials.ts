/** A QQ bot's app credentials, as issued by the QQ Open Platform console. */
export interface AppCredentials {
  /** The bot's AppID (digits). */
  readonly appId: string;
  /** The bot's AppSecret (client secret). Never log it. */
  readonly clientSecret: string;
}

/**
 * Parses the `AppID:AppSecret` token that `openclaw channels add --channel qqbot --token …` takes.
 *
 * @throws TypeError naming the part that is missing or malformed; the secret itself is never
 * included in the message.
 */
export function parseAppCredentials(token: string): AppCredentials {
  const separator = token.indexOf(':');
  if (separator < 0) {
    throw new TypeError('token: expected "AppID:AppSecret" (no ":" found)');
  }
  const appId = token.slice(0, separator).trim();
  const clientSecret = token.slice(separator + 1).trim();
  if (!/^\d+$/.test(appId)) {
    throw new TypeError('token: the AppID part must be the digits shown in the QQ Open Platform console');
  }
  if (clientSecret.length === 0) {
    throw new TypeError('token: the AppSecret part is empty');
  }
  return { appId, clientSecret };
}
