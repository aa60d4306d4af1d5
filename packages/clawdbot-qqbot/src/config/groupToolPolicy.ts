import { groupSettings, type GroupSettings } from './groupSettings.js';

/** OpenClaw's tool policy for one scope: deny wins over allow. */
export type ToolPolicy = NonNullable<GroupSettings['tools']>;

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
    if (match !== undefined) return match[1];
  }
  if (bySender['*'] !== undefined) return bySender['*'];
  if (settings.tools !== undefined) return settings.tools;
  return settings.toolPolicy !== undefined ? LEGACY[settings.toolPolicy] : undefined;
}

export { groupSettings };
