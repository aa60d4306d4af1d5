import type { ClawConfigUpdate, ClawSettings } from 'qq-sdk/messaging';

/** The settings a group-settings change may carry (from the QQ client's panel or a /bot-* command). */
export type ClawChange = Pick<ClawConfigUpdate, 'requireMention' | 'groupPolicy' | 'mentionPatterns'>;
import { groupSettings } from '../config/groupSettings.js';
import type { QQBotAccountConfig } from '../config/QQBotConfigSchema.js';
import type { ResolvedQQBotAccount } from '../config/resolveAccount.js';
import { CHANNEL_ID } from '../constants.js';

/** What a group's admins set from the QQ client's group-settings panel. */
interface GroupOverride {
  requireMention?: boolean;
  disabled?: boolean;
  mentionPatterns?: readonly string[];
}

/** Groups remembered at most; the oldest is forgotten first. */
const MAX_GROUPS = 10_000;

/**
 * The claw settings (`claw_cfg`) the QQ client's group-settings panel reads and changes, per
 * group: answered from the account's configuration, with the panel's changes layered over it at
 * once (they are also written to the configuration, see persistClawSettings.ts, so they outlive a
 * restart). `requireMention`, `group_policy: 'disabled'` and mention patterns change what the bot
 * answers.
 */
export class ClawOverrides {
  readonly #groups = new Map<string, GroupOverride>();

  /** Applies `update` (if any) and returns the settings now in force for `groupOpenid`. */
  settings(config: QQBotAccountConfig, groupOpenid: string | undefined, update: ClawChange | undefined): ClawSettings {
    const id = groupOpenid?.toUpperCase();
    if (id !== undefined && update !== undefined) this.#apply(id, update);
    const override = id !== undefined ? this.#groups.get(id) : undefined;
    const configured = id !== undefined ? groupSettings(config, id) : {};
    return {
      requireMention: override?.requireMention ?? configured.requireMention ?? config.requireMention ?? true,
      groupPolicy: override?.disabled === true ? 'disabled' : (config.groupPolicy ?? 'open'),
      mentionPatterns: override?.mentionPatterns ?? configured.mentionPatterns ?? [],
      channelType: CHANNEL_ID,
    };
  }

  /** `account` with the panel's changes applied to its per-group settings. */
  applyTo(account: ResolvedQQBotAccount): ResolvedQQBotAccount {
    if (this.#groups.size === 0) return account;
    const groups = { ...account.config.groups };
    for (const [id, override] of this.#groups) {
      groups[id] = {
        ...groups[id],
        ...(override.requireMention !== undefined ? { requireMention: override.requireMention } : {}),
        ...(override.disabled !== undefined ? { disabled: override.disabled } : {}),
        ...(override.mentionPatterns !== undefined ? { mentionPatterns: [...override.mentionPatterns] } : {}),
      };
    }
    return { ...account, config: { ...account.config, groups } };
  }

  #apply(id: string, update: ClawChange): void {
    const current = this.#groups.get(id) ?? {};
    this.#groups.delete(id);
    this.#groups.set(id, {
      ...current,
      ...(update.requireMention !== undefined ? { requireMention: update.requireMention } : {}),
      ...(update.groupPolicy !== undefined ? { disabled: update.groupPolicy === 'disabled' } : {}),
      ...(update.mentionPatterns !== undefined ? { mentionPatterns: update.mentionPatterns } : {}),
    });
    if (this.#groups.size > MAX_GROUPS) {
      const oldest = this.#groups.keys().next().value;
      if (oldest !== undefined) this.#groups.delete(oldest);
    }
  }
}
