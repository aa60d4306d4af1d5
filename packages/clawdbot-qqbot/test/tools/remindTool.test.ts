import { afterEach, describe, expect, it } from 'vitest';
import { QQSimulator } from 'qq-sdk/testing';
import { createPluginEntry, pluginManifest, type HostHookContext, type HostPluginApi, type HostPluginService } from '../../src/index.js';
import { runningAccount, type AccountRegistry } from '../../src/gateway/AccountRegistry.js';
import type { ResolvedQQBotAccount } from '../../src/config/resolveAccount.js';
import type { QQBotAccountConfig } from '../../src/config/QQBotConfigSchema.js';
import type { QQBotPort } from '../../src/bot/QQBotPort.js';
import {
  rememberCronGetter,
  sharedHostCron,
  type HostCronHolder,
  type HostCronJob,
  type HostCronJobCreate,
  type HostCronService,
} from '../../src/reminders/HostCron.js';
import { createRemindToolFactory, REMIND_TOOL_NAME, type RemindToolDetails } from '../../src/tools/createRemindTool.js';
import type { HostToolContext, HostToolFactory } from '../../src/tools/HostToolTypes.js';
import { fakeMessage } from '../support/fakeMessage.js';
import { startSimulatedAccount } from '../support/runPluginAccount.js';

const NOW = Date.parse('2026-12-01T08:00:00Z');
const OPENID = 'E4F3A1B2C3D4E5F60718293A4B5C6D7E';
const GROUP = 'C9F1AB22D3E4F5061728394A5B6C7D8E';

/** An in-memory stand-in for the host scheduler: records jobs, lists and removes them. */
function fakeCron(): HostCronService & { jobs: Array<HostCronJobCreate & { id: string }> } {
  const jobs: Array<HostCronJobCreate & { id: string }> = [];
  return {
    jobs,
    async add(job) {
      const stored = { ...job, id: `job-${jobs.length + 1}` };
      jobs.push(stored);
      return stored;
    },
    async list() {
      return jobs.map((job): HostCronJob => ({ id: job.id, name: job.name, description: job.description, schedule: job.schedule }));
    },
    async remove(id) {
      const at = jobs.findIndex((job) => job.id === id);
      if (at >= 0) jobs.splice(at, 1);
      return { removed: at >= 0 };
    },
  };
}

function setup(config: QQBotAccountConfig = {}, options: { cron?: HostCronService | undefined } = {}) {
  const registry: AccountRegistry = new Map();
  const account = { accountId: 'default', config } as unknown as ResolvedQQBotAccount;
  const running = runningAccount(account, {} as QQBotPort);
  registry.set('default', running);
  const holder: HostCronHolder = { getters: [] };
  const cron = 'cron' in options ? options.cron : fakeCron();
  if (cron !== undefined) rememberCronGetter(holder, () => cron);
  const factory = createRemindToolFactory({ registry, cron: holder, now: () => NOW });
  return { registry, running, factory, cron };
}

const c2cTurn: HostToolContext = {
  messageChannel: 'qqbot',
  agentAccountId: 'default',
  deliveryContext: { channel: 'qqbot', to: `qqbot:c2c:${OPENID}`, accountId: 'default' },
};
const groupTurn: HostToolContext = {
  messageChannel: 'qqbot',
  agentAccountId: 'default',
  deliveryContext: { channel: 'qqbot', to: `qqbot:group:${GROUP}`, accountId: 'default' },
};
const text = (result: { content: Array<{ text: string }> }): string => result.content.map((block) => block.text).join('');
const run = (factory: HostToolFactory<RemindToolDetails>, ctx: HostToolContext, params: Record<string, unknown>) => factory(ctx)!.execute('call-1', params);

describe('qqbot_remind: scheduling through the host scheduler', () => {
  it('is offered only in QQ turns of a running account with a QQ chat, unless reminders.enabled is false', () => {
    const { factory } = setup();
    expect(factory(c2cTurn)).toMatchObject({ name: REMIND_TOOL_NAME });
    expect(factory(c2cTurn)!.parameters).toMatchObject({ type: 'object', additionalProperties: false });
    expect(factory({ ...c2cTurn, messageChannel: 'telegram' })).toBeNull();
    expect(factory({ messageChannel: 'qqbot', agentAccountId: 'default' })).toBeNull(); // a cron run: no chat
    expect(factory({ ...c2cTurn, agentAccountId: 'other' })).toBeNull();
    expect(setup({ reminders: { enabled: false } }).factory(c2cTurn)).toBeNull();
  });

  it("inside the C2C window: one job in the host cron for this chat and account, delivered as a reply to the user's message", async () => {
    const { factory, running, cron } = setup();
    const message = fakeMessage('c2c', { expiresAt: new Date(NOW + 3_600_000), budget: 4 });
    running.remember(message);
    const result = await run(factory, { ...c2cTurn, agentId: 'main' }, { text: '喝水', delay: '20m' });
    const jobs = (cron as ReturnType<typeof fakeCron>).jobs;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      agentId: 'main',
      enabled: true,
      schedule: { kind: 'at', at: new Date(NOW + 20 * 60_000).toISOString() },
      sessionTarget: 'isolated',
      wakeMode: 'now',
      deleteAfterRun: true,
      payload: { kind: 'agentTurn', lightContext: true, toolsAllow: [] },
      delivery: { mode: 'announce', channel: 'qqbot', to: `qqbot:c2c:${OPENID}`, accountId: 'default' },
    });
    expect(jobs[0]!.payload.message).toContain('Reminder text: 喝水');
    expect(result.details).toMatchObject({ action: 'add', jobId: 'job-1', delivery: { kind: 'passive', replyTo: message.id, arrives: 'yes' } });
    expect(text(result)).toContain("as a QQ reply to the user's message");
    expect(text(result)).not.toContain('WARNING');
  });

  it('beyond the group window (5 min): scheduled as an active message, and the result warns plainly', async () => {
    const { factory, running, cron } = setup();
    running.remember(fakeMessage('group', { expiresAt: new Date(NOW + 300_000) }));
    const result = await run(factory, groupTurn, { text: '开会', delay: '10m' });
    expect((cron as ReturnType<typeof fakeCron>).jobs[0]!.delivery.to).toBe(`qqbot:group:${GROUP}`);
    expect(result.details).toMatchObject({ action: 'add', delivery: { kind: 'active', arrives: 'only-with-permission' } });
    expect(text(result)).toMatch(/WARNING: it arrives only if this bot has active-message permission and quota/);
    expect(text(result)).toMatch(/within 5 minutes before the reminder time, it arrives as a reply/);
  });

  it('a reminder that would need one reply more than the message has left is active too (the confirmation takes one)', async () => {
    const { factory, running } = setup({ reminders: { activeMessages: true } });
    running.remember(fakeMessage('c2c', { expiresAt: new Date(NOW + 3_600_000), budget: 1 }));
    const result = await run(factory, c2cTurn, { text: '喝水', delay: '5m' });
    expect(result.details).toMatchObject({ delivery: { kind: 'active', arrives: 'yes' } });
    expect(text(result)).not.toContain('WARNING');
  });

  it('reminders.activeMessages false: a reminder beyond the window is refused and nothing is scheduled', async () => {
    const { factory, running, cron } = setup({ reminders: { activeMessages: false } });
    running.remember(fakeMessage('group', { expiresAt: new Date(NOW + 300_000) }));
    await expect(run(factory, groupTurn, { text: '开会', delay: '1h' })).rejects.toThrow(/Reminder not scheduled: .*no active-message permission/);
    await expect(run(factory, groupTurn, { text: '开会', cron: '0 8 * * *' })).rejects.toThrow(/reminders.activeMessages is false/);
    expect((cron as ReturnType<typeof fakeCron>).jobs).toHaveLength(0);
    // Inside the window it is still fine.
    await expect(run(factory, groupTurn, { text: '开会', delay: '2m' })).resolves.toMatchObject({ details: { delivery: { kind: 'passive' } } });
  });

  it('recurring: a cron expression in the account time zone; no deleteAfterRun', async () => {
    const { factory, cron } = setup({ reminders: { timezone: 'Europe/Berlin' } });
    const result = await run(factory, c2cTurn, { text: '站起来', cron: '0 9 * * 1-5' });
    const job = (cron as ReturnType<typeof fakeCron>).jobs[0]!;
    expect(job.schedule).toEqual({ kind: 'cron', expr: '0 9 * * 1-5', tz: 'Europe/Berlin' });
    expect(job.deleteAfterRun).toBeUndefined();
    expect(result.details).toMatchObject({ delivery: { kind: 'active' } });
  });

  it('no scheduler reachable: the job comes back as arguments for the host cron tool, clearly not yet scheduled', async () => {
    const { factory, running } = setup({}, { cron: undefined });
    running.remember(fakeMessage('c2c', { expiresAt: new Date(NOW + 3_600_000) }));
    const result = await run(factory, c2cTurn, { text: '喝水', delay: '10m' });
    expect(result.details).toMatchObject({
      action: 'add-via-cron-tool',
      cronToolArguments: { action: 'add', job: { delivery: { channel: 'qqbot', to: `qqbot:c2c:${OPENID}`, accountId: 'default' } } },
    });
    expect(text(result)).toMatch(/NOT yet scheduled/);
    expect(text(result)).toContain('"accountId":"default"');
  });

  it("list and remove see only this chat's reminders", async () => {
    const { factory, cron } = setup();
    await run(factory, c2cTurn, { text: 'A', delay: '1h' });
    await run(factory, groupTurn, { text: 'B', delay: '1h' });
    const listed = await run(factory, c2cTurn, { action: 'list' });
    expect(listed.details).toMatchObject({ action: 'list', reminders: [{ jobId: 'job-1', name: 'QQ reminder: A' }] });
    await expect(run(factory, c2cTurn, { action: 'remove', jobId: 'job-2' })).rejects.toThrow(/No reminder job-2 belongs to this chat/);
    await expect(run(factory, c2cTurn, { action: 'remove', jobId: 'job-1' })).resolves.toMatchObject({ details: { action: 'remove', jobId: 'job-1' } });
    expect((cron as ReturnType<typeof fakeCron>).jobs.map((job) => job.id)).toEqual(['job-2']);
  });

  it('bad arguments and times are tool errors the model can act on', async () => {
    const { factory } = setup();
    await expect(run(factory, c2cTurn, { text: '喝水' })).rejects.toThrow(/exactly one of delay/);
    await expect(run(factory, c2cTurn, { delay: '10m' })).rejects.toThrow(/add needs text/);
    await expect(run(factory, c2cTurn, { text: '喝水', delay: '10m', to: 'qqbot:c2c:SOMEONE' })).rejects.toThrow(/invalid arguments/);
    await expect(run(factory, c2cTurn, { text: 'x'.repeat(501), delay: '10m' })).rejects.toThrow(/invalid arguments/);
  });
});

describe('qqbot_remind: registration', () => {
  afterEach(() => {
    sharedHostCron().getters = [];
  });

  it('register(api) adds the tool, a service and gateway_start hook that capture the scheduler, and a cron_changed hook; the manifest lists tool and skill', async () => {
    const tools: string[] = [];
    const hooks = new Map<string, (event: never, ctx: HostHookContext) => unknown>();
    const services: HostPluginService[] = [];
    let factory: HostToolFactory<unknown> | undefined;
    const api: HostPluginApi = {
      registerChannel: () => {},
      runtime: {},
      registerTool: (f, options) => {
        tools.push(options?.name ?? '');
        if (options?.name === REMIND_TOOL_NAME) factory = f;
      },
      on: (name, handler) => void hooks.set(name, handler),
      registerService: (service) => void services.push(service),
    };
    createPluginEntry().register(api);
    expect(tools).toContain(REMIND_TOOL_NAME);
    expect([...hooks.keys()].sort()).toEqual(['cron_changed', 'gateway_start']);
    expect(services.map((service) => service.id)).toEqual(['qqbot-reminders']);
    expect(pluginManifest()['skills']).toEqual(['./skills']);

    const cron = fakeCron();
    await hooks.get('gateway_start')!({ port: 1 } as never, { getCron: () => cron });
    const registry = (await import('../../src/tools/sharedAccountRegistry.js')).sharedAccountRegistry();
    registry.set('default', runningAccount({ accountId: 'default', config: {} } as unknown as ResolvedQQBotAccount, {} as QQBotPort));
    try {
      await factory!(c2cTurn)!.execute('call-1', { text: '喝水', delay: '10m' });
      expect(cron.jobs).toHaveLength(1);
      // A service start (OpenClaw 2026.9) takes precedence; a revoked getter is skipped.
      const newer = fakeCron();
      await services[0]!.start({ getCron: () => newer });
      await factory!(c2cTurn)!.execute('call-2', { text: '喝水', delay: '10m' });
      expect(newer.jobs).toHaveLength(1);
      await services[0]!.start({
        getCron: () => {
          throw new Error('Plugin service cron scheduler is stopping');
        },
      });
      await factory!(c2cTurn)!.execute('call-3', { text: '喝水', delay: '10m' });
      expect(newer.jobs).toHaveLength(2);
    } finally {
      registry.delete('default');
    }
  });
});

describe('qqbot_remind + the channel outbound + simulator: what the host cron does at fire time', () => {
  let cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  it("the job's delivery (to, accountId) through outbound.sendText reaches the chat as a passive reply to the user's message", async () => {
    const sim = await QQSimulator.start({ heartbeatIntervalMs: 1_000 });
    cleanup.push(() => sim.close());
    const registry: AccountRegistry = new Map();
    const { plugin, cfg } = await startSimulatedAccount(sim, { answer: '好的，已设置提醒', registry }, cleanup);
    const event = sim.inject('C2C_MESSAGE_CREATE', { content: '20秒后提醒我喝水' });
    const openid = String((event.data as { author: { user_openid: string } }).author.user_openid);
    await sim.waitFor(() => sim.messagesTo(openid).length > 0, { timeoutMs: 10_000, description: 'the confirmation' });

    const cron = fakeCron();
    const holder: HostCronHolder = { getters: [() => cron] };
    const ctx: HostToolContext = {
      messageChannel: 'qqbot',
      agentAccountId: 'default',
      deliveryContext: { channel: 'qqbot', to: `qqbot:c2c:${openid}`, accountId: 'default' },
    };
    const result = await createRemindToolFactory({ registry, cron: holder })(ctx)!.execute('call-1', { text: '喝水', delay: '20s' });
    expect(result.details).toMatchObject({ delivery: { kind: 'passive', replyTo: event.data.id } });

    // Fire time: the host's announce delivery calls outbound.sendText with the job's route.
    const { delivery } = cron.jobs[0]!;
    await plugin.outbound.sendText({ cfg, to: delivery.to, accountId: delivery.accountId, text: '⏰ 该喝水了' });
    const reminder = await sim.waitFor(() => sim.messagesTo(openid).find((m) => m.text.includes('该喝水了')), {
      timeoutMs: 10_000,
      description: 'the reminder',
    });
    expect(reminder).toMatchObject({ passive: true, msgId: event.data.id });
  });
});
