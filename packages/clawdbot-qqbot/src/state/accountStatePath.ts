import { join } from 'node:path';
import { PLUGIN_ID } from '../constants.js';
import type { HostPluginRuntime } from '../host/HostTypes.js';

/**
 * Where one account keeps a piece of state across restarts: under the host's state directory
 * (`$OPENCLAW_STATE_DIR/plugins/qqbot/<accountId>/<name>.json`), or `undefined` on a host that
 * does not say where its state lives (the state then lasts as long as the process).
 */
export function accountStatePath(runtime: HostPluginRuntime | undefined, accountId: string, name: string): string | undefined {
  const stateDir = runtime?.state?.resolveStateDir?.();
  if (typeof stateDir !== 'string' || stateDir === '') return undefined;
  return join(stateDir, 'plugins', PLUGIN_ID, encodeURIComponent(accountId), `${name}.json`);
}
