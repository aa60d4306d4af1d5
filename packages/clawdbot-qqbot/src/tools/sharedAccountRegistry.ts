import type { AccountRegistry } from '../gateway/AccountRegistry.js';

// OpenClaw 2026.9 loads the plugin more than once per gateway process (registration modes
// "full" and "discovery" get separate module instances), and the tool factory it keeps is not
// always from the instance that started the accounts: one registry per process joins them.
const KEY = Symbol.for('clawdbot-qqbot.runningAccounts');

/** The running accounts of this process, shared by every loaded copy of the plugin entry. */
export function sharedAccountRegistry(): AccountRegistry {
  const holder = globalThis as { [KEY]?: AccountRegistry };
  holder[KEY] ??= new Map();
  return holder[KEY];
}
