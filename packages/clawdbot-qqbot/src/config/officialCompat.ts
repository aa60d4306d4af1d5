import type { QQBotAccountConfig } from './QQBotConfigSchema.js';

/**
 * Official plugin keys this plugin accepts so a migrated config validates, and what it does with
 * each: the text goes to the log once when the account starts.
 */
const IGNORED: Partial<Record<keyof QQBotAccountConfig, string>> = {
  tts: "voice replies come from the host's TTS (tts, or messages.tts before 2026.9); WAV output is sent as QQ voice",
  urlDirectUpload: 'media URLs are always handed to QQ to fetch',
  upgradeUrl: 'this plugin never upgrades itself; use `openclaw plugins update`',
  upgradeMode: 'this plugin never upgrades itself; use `openclaw plugins update`',
  upgradePkg: 'this plugin never upgrades itself; use `openclaw plugins update`',
  deliverDebounce: "blocks are merged within QQ's reply budget instead",
  processingTimeoutMs: "the host's own turn timeout applies",
  userAgentSuffix: 'qq-sdk sends its own User-Agent',
};

/**
 * The official plugin's names for settings this plugin has under another name, folded into ours
 * (ours wins when both are set): `markdownSupport` → `markdown`, `defaultRequireMention` →
 * `requireMention`, `streaming: { mode, nativeTransport }` → `streaming` (`mode: "off"` or
 * `nativeTransport: false`, or the older `c2cStreamApi: false`, turn it off).
 */
export function withOfficialAliases(config: QQBotAccountConfig): QQBotAccountConfig {
  const out: QQBotAccountConfig = { ...config };
  if (out.markdown === undefined && out.markdownSupport !== undefined) out.markdown = out.markdownSupport;
  if (out.requireMention === undefined && out.defaultRequireMention !== undefined) out.requireMention = out.defaultRequireMention;
  if (typeof out.streaming === 'object') {
    const { mode, nativeTransport, c2cStreamApi } = out.streaming;
    out.streaming = mode !== 'off' && nativeTransport !== false && c2cStreamApi !== false;
  }
  return out;
}

/** One line per official plugin key set in `config` that this plugin accepts but does not use. */
export function ignoredOfficialKeys(config: QQBotAccountConfig): string[] {
  const notes = Object.entries(IGNORED)
    .filter(([key]) => config[key as keyof QQBotAccountConfig] !== undefined)
    .map(([key, why]) => `${key}: accepted for compatibility with the official plugin, not used (${why})`);
  // stt.enabled is used; the official plugin's own STT provider settings are not.
  const sttProvider = Object.keys(config.stt ?? {}).filter((key) => key !== 'enabled');
  if (sttProvider.length > 0) {
    notes.push(
      `stt.${sttProvider.join(', stt.')}: accepted for compatibility with the official plugin, not used (the host transcribes voice notes: tools.media.audio)`,
    );
  }
  const groups = Object.values(config.groups ?? {});
  if (groups.some((group) => group.commandLevel !== undefined)) {
    notes.push(
      "groups.*.commandLevel: accepted for compatibility with the official plugin, not used (the host's command authorization decides which slash commands run)",
    );
  }
  return notes;
}
