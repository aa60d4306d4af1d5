// `pnpm demo`: runs the example bot against the built-in QQ platform simulator and drives a short
// scripted conversation through it. With QQBOT_APP_ID and QQBOT_APP_SECRET set, it connects the
// same bot to the real platform instead (QQBOT_SANDBOX=1 for the sandbox) and runs until Ctrl-C.
import type { QQBotOptions } from 'qq-sdk';
import { QQSimulator } from 'qq-sdk/testing';
import { createEchoBot } from './echoBot.js';

const INTENTS: QQBotOptions['intents'] = ['GROUP_AND_C2C_EVENT', 'PUBLIC_GUILD_MESSAGES', 'INTERACTION'];
// `pnpm demo --console`: after the scripted conversation, keep the bot and the simulator running
// and chat with the bot in the browser console.
const CONSOLE = process.argv.includes('--console');

async function runOnRealPlatform(appId: string, clientSecret: string): Promise<void> {
  const bot = createEchoBot({ appId, clientSecret, intents: INTENTS, sandbox: process.env['QQBOT_SANDBOX'] === '1' });
  bot.on('ready', (event, shardId) => console.log(`connected as ${event.user.username ?? event.user.id} (shard ${shardId})`));
  await bot.start();
  console.log('The bot is running on the QQ platform. Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => process.once('SIGINT', resolve));
  await bot.stop();
}

async function runOnSimulator(): Promise<void> {
  const sim = await QQSimulator.start({ registeredDomains: [], console: CONSOLE });
  const handled = new Map<string, () => void>();
  const bot = createEchoBot(
    {
      appId: sim.appId,
      clientSecret: sim.clientSecret,
      intents: INTENTS,
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      logLevel: 'warn',
    },
    (msg) => handled.get(msg.id)?.(),
  );
  console.log(`QQ platform simulator on ${sim.url}`);
  await bot.start();
  console.log(`bot connected over the gateway (${sim.identifies.length} identify)\n`);

  const say = async (content: string): Promise<void> => {
    const before = sim.sentMessages.length;
    console.log(`👤 群成员: ${content}`);
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ` ${content}` });
    // Wait until the bot's handler for this message has finished sending.
    await new Promise<void>((resolve) => handled.set(event.data.id, resolve));
    const group = event.data.group_openid;
    for (const reply of sim.sentMessages.slice(before).filter((m) => m.target === group)) {
      const kind = { 0: 'text', 2: 'markdown', 7: 'media' }[Number(reply.body['msg_type'])] ?? 'message';
      const text = reply.text.length > 60 ? `${reply.text.slice(0, 60).replaceAll('\n', ' ')}…` : reply.text.replaceAll('\n', ' ');
      console.log(`🤖 机器人 [${kind}, msg_seq ${reply.msgSeq}]: ${text}`);
    }
    console.log('');
  };

  await say('你好');
  await say('/md 签到成功');
  await say('/img');
  await say('/long');
  await say('/quota');

  const refused = sim.requests.filter((r) => r.status >= 400).length;
  console.log(`${sim.sentMessages.length} messages sent, ${refused} refused by the platform, ${sim.tokenRequests} token request(s).`);
  if (CONSOLE) {
    console.log(`\nChat with the bot in your browser: ${sim.url}/_console (try /menu). Press Ctrl-C to stop.`);
    await new Promise<void>((resolve) => process.once('SIGINT', resolve));
  }
  await bot.stop();
  await sim.close();
}

const appId = process.env['QQBOT_APP_ID'];
const secret = process.env['QQBOT_APP_SECRET'] ?? process.env['QQBOT_CLIENT_SECRET'];
if (appId && secret) await runOnRealPlatform(appId, secret);
else await runOnSimulator();
