import { groupSettings, type GroupSettings } from './groupSettings.js';

/** OpenClaw's tool policy for one scope (`GroupToolPolicyConfig`): deny wins over allow. Absent lists are absent keys. */
export interface ToolPolicy {
  /** Tools allowed (replaces the default set). */
  allow?: string[];
  /** Tools allowed on top of the default set. */
  alsoAllow?: string[];
  /** Tools denied. */
  deny?: string[];
}

/** A configured policy as the host's type wants it: lists that are not set are left out, not `undefined`. */
function toToolPolicy(configured: NonNullable<GroupSettings['tools']>): ToolPolicy {
  return {
    ...(configured.allow !== undefined ? { allow: [...configured.allow] } : {}),
    ...(configured.alsoAllow !== undefined ? { alsoAllow: [...configured.alsoAllow] } : {}),
    ...(configured.deny !== undefined ? { deny: [...configured.deny] } : {}),
  };
}

/** The older official-plugin `toolPolicy` values, read as tool policies. */
const LEGACY: Record<NonNullable<GroupSettings['toolPolicy']>, ToolPolicy | undefined> = {
  full: undefined,
  restricted: { deny: ['group:runtime', 'group:fs'] },
  none: { deny: ['*'] },
};

/**
 * The tool policy for a group turn, as the host asks through `groups.resolveToolPolicy`: the
 * sender's entry in `toolsBySender` (`id:<openid>`, a bare `<openid>`, then `*`), else the
 * group's `tools`, else its older `toolPolicy`; `undefined` leaves the host's own policy.
 */
export function groupToolPolicy(settings: GroupSettings, senderId: string | null | undefined): ToolPolicy | undefined {
  const bySender = settings.toolsBySender ?? {};
  const sender = senderId?.trim().toUpperCase();
  if (sender !== undefined && sender !== '') {
    const match = Object.entries(bySender).find(([key]) => {
      const id = key.startsWith('id:') ? key.slice(3) : key.startsWith('channel:') ? key.split(':').at(-1) : key.includes(':') ? undefined : key;
      return id !== undefined && id.trim().toUpperCase() === sender;
    });
    if (match !== undefined) return toToolPolicy(match[1]);
  }
  if (bySender['*'] !== undefined) return toToolPolicy(bySender['*']);
  if (settings.tools !== undefined) return toToolPolicy(settings.tools);
  return settings.toolPolicy !== undefined ? LEGACY[settings.toolPolicy] : undefined;
}

export { groupSettings };
