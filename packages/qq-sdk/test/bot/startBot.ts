import { QQBot, type QQBotOptions } from '../../src/index.js';
import { QQSimulator, type SimulatorOptions } from '../../src/testing/index.js';

/** Starts a simulator and a bot connected to it over real sockets on 127.0.0.1. */
export async function startBot(
  botOptions: Partial<QQBotOptions> = {},
  simOptions: SimulatorOptions = {},
): Promise<{ sim: QQSimulator; bot: QQBot; stop: () => Promise<void> }> {
  const sim = await QQSimulator.start({ heartbeatIntervalMs: 1_000, ...simOptions });
  const bot = new QQBot({
    appId: sim.appId,
    clientSecret: sim.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT', 'PUBLIC_GUILD_MESSAGES', 'DIRECT_MESSAGE'],
    apiBaseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
    logLevel: 'silent',
    ...botOptions,
  });
  if ((botOptions.transport ?? 'websocket') === 'websocket') await bot.start();
  return {
    sim,
    bot,
    stop: async () => {
      await bot.stop();
      await sim.close();
    },
  };
}
