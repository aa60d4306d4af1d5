import { accountSectionOf, childOf } from '../config/accountDraft.js';
import type { HostPluginRuntime } from '../host/HostTypes.js';
import type { ClawChange } from './ClawOverrides.js';

type Draft = Record<string, unknown>;

const isRecord = (value: unknown): value is Draft => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Writes a change made in the QQ client's group-settings panel (claw_cfg) into the host's config,
 * under the account's `groups.<group_openid>` (an existing key spelled in another case is reused),
 * so it outlives a restart and shows in `openclaw.json`. The running account already applies it
 * (ClawOverrides), so the host is told not to restart anything (`afterWrite: none`).
 * Resolves `false` on a host without a config writer.
 */
export async function persistClawSettings(
  runtime: HostPluginRuntime | undefined,
  accountId: string,
  groupOpenid: string,
  update: ClawChange,
): Promise<boolean> {
  const mutate = runtime?.config?.mutateConfigFile;
  if (mutate === undefined) return false;
  const patch: Draft = {
    ...(update.requireMention !== undefined ? { requireMention: update.requireMention } : {}),
    ...(update.groupPolicy !== undefined ? { disabled: update.groupPolicy === 'disabled' } : {}),
    ...(update.mentionPatterns !== undefined ? { mentionPatterns: [...update.mentionPatterns] } : {}),
  };
  if (Object.keys(patch).length === 0) return true;
  await mutate.call(runtime?.config, {
    afterWrite: { mode: 'none', reason: 'QQ group settings changed from the QQ client; the running account applies them already' },
    mutate: (draft) => {
      const groups = childOf(accountSectionOf(draft, accountId), 'groups');
      const key = Object.keys(groups).find((id) => id !== '*' && id.toUpperCase() === groupOpenid.toUpperCase()) ?? groupOpenid.toUpperCase();
      groups[key] = { ...(isRecord(groups[key]) ? groups[key] : {}), ...patch };
    },
  });
  return true;
}
