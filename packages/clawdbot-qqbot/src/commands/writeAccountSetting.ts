import { accountSectionOf } from '../config/accountDraft.js';
import type { HostPluginRuntime } from '../host/HostTypes.js';

/**
 * Sets one key of an account's config (`channels.qqbot.<key>` for the default account, else
 * `channels.qqbot.accounts.<id>.<key>`) through the host's config writer, letting the host reload
 * the account (`afterWrite: auto`). Resolves `false` on a host without a config writer.
 */
export async function writeAccountSetting(runtime: HostPluginRuntime | undefined, accountId: string, key: string, value: unknown): Promise<boolean> {
  const mutate = runtime?.config?.mutateConfigFile;
  if (mutate === undefined) return false;
  await mutate.call(runtime?.config, {
    afterWrite: { mode: 'auto' },
    mutate: (draft) => {
      accountSectionOf(draft, accountId)[key] = value;
    },
  });
  return true;
}
