import { afterEach, describe, expect, it } from 'vitest';
import { QQSimulator } from 'qq-sdk/testing';
import { PANEL_REMARK } from '../../src/gateway/syncCommandPanel.js';
import { fakeHost, runAccount, type Cleanup } from '../support/runPluginAccount.js';

// The command panel QQ shows after "/" (2026-08 /v2/panels), against the simulator's panel
// endpoints: published on start with commandPanel: true, updated (not duplicated) on the next
// start, withdrawn with commandPanel: false, left alone when unset.

let cleanup: Cleanup = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

const panelCalls = (sim: QQSimulator) => sim.requests.flatMap((r) => (r.route?.includes('/v2/panels') ? [r.route] : []));

async function startWith(sim: QQSimulator, commandPanel: boolean | undefined) {
  const { host, pluginRuntime } = fakeHost(
    { appId: sim.appId, clientSecret: sim.clientSecret, apiBaseUrl: sim.url, tokenUrl: sim.tokenUrl, ...(commandPanel !== undefined ? { commandPanel } : {}) },
    cleanup,
  );
  return runAccount(sim, host, pluginRuntime, 'ok', cleanup);
}

describe('the command panel', { timeout: 30_000 }, () => {
  it('is published for C2C and groups, updated in place on the next start, and withdrawn with commandPanel: false', async () => {
    const sim = await QQSimulator.start({ heartbeatIntervalMs: 1_000 });
    cleanup.push(() => sim.close());

    const first = await startWith(sim, true);
    await sim.waitFor(() => panelCalls(sim).filter((call) => call === 'POST /v2/panels').length === 2, {
      timeoutMs: 10_000,
      description: 'two panels created',
    });
    const created = sim.requests
      .filter((r) => r.route === 'POST /v2/panels')
      .map((r) => r.body as { scope: string; target_type: string; panel: { remark: string; items: Array<{ name: string }> } });
    expect(created.map((body) => body.scope).sort()).toEqual(['c2c', 'group']);
    expect(created[0]).toMatchObject({ target_type: 'all', panel: { remark: PANEL_REMARK } });
    expect(created[0]?.panel.items.map((item) => item.name)).toEqual(['/bot-help', '/bot-ping', '/bot-me', '/bot-version', '/status', '/new']);
    await first.stop();

    const second = await startWith(sim, true);
    await sim.waitFor(() => panelCalls(sim).filter((call) => call === 'PUT /v2/panels/{panel_id}').length === 2, {
      timeoutMs: 10_000,
      description: 'both panels updated',
    });
    expect(panelCalls(sim).filter((call) => call === 'POST /v2/panels')).toHaveLength(2); // no duplicates
    await second.stop();

    const third = await startWith(sim, false);
    await sim.waitFor(() => panelCalls(sim).filter((call) => call === 'DELETE /v2/panels/{panel_id}').length === 2, {
      timeoutMs: 10_000,
      description: 'both panels withdrawn',
    });
    await third.stop();

    const before = panelCalls(sim).length;
    await startWith(sim, undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(panelCalls(sim)).toHaveLength(before); // unset: the platform is left alone
  });
});
