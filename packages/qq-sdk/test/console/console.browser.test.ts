import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QQBot } from '../../src/index.js';
import { messages } from '../../src/messaging/messages.js';
import { QQSimulator } from '../../src/testing/index.js';
import { chromiumPath } from './chromiumPath.js';

// The console in a real headless Chromium (Debian's, which .ci/run installs), driving a real bot
// connected to the simulator over its gateway: what a person sees and clicks.
let sim: QQSimulator;
let bot: QQBot;
let browser: Browser;
let page: Page;
const clicks: string[] = [];

beforeAll(async () => {
  sim = await QQSimulator.start({ console: true, heartbeatIntervalMs: 30_000 });
  bot = new QQBot({
    appId: sim.appId,
    clientSecret: sim.clientSecret,
    intents: ['GROUP_AND_C2C_EVENT', 'INTERACTION'],
    apiBaseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
    logLevel: 'silent',
  });
  bot.on('message', async (msg) => {
    const text = msg.content.trim();
    const attachment = msg.attachments[0];
    if (attachment !== undefined) {
      // Download it, as a bot that looks at pictures would: the console serves it on 127.0.0.1.
      const bytes = (await (await fetch(attachment.url)).arrayBuffer()).byteLength;
      await msg.reply(`附件 ${attachment.contentType} ${bytes} 字节${attachment.asrText ? ` 「${attachment.asrText}」` : ''}`);
    } else if (msg.quote !== undefined) {
      await msg.reply(`引用了 ${msg.quote.refIdx ?? msg.quote.messageId}：${msg.quote.content ?? ''}`);
    } else if (text === '/menu') {
      await msg.reply(
        messages.markdown('**菜单**', {
          keyboard: {
            rows: [
              [
                { id: 'weather', label: '天气', action: { type: 'callback', data: 'weather' } },
                { id: 'help', label: '帮助', action: { type: 'callback', data: 'help' } },
              ],
            ],
          },
        }),
      );
    } else if (text === '/md') {
      await msg.reply(messages.markdown('# 标题\n- 第一项\n~~删掉的~~ **粗体** `代码`\n> 引用的一句'));
    } else if (text === '/stream') {
      const stream = msg.stream({ minIntervalMs: 50 });
      for (const word of ['一', '二', '三']) {
        stream.write(word);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      await stream.end();
    } else if (text === '/burst') {
      for (let i = 1; i <= 6; i++) await msg.reply(`第 ${i} 条`).catch(() => undefined);
    } else {
      await msg.reply(`pong: ${text}`);
    }
  });
  bot.on('INTERACTION_CREATE', async (event) => {
    clicks.push(String(event.data?.resolved?.button_data));
    await bot.api.interactions.acknowledge(event.id, 0);
  });
  await bot.start();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
  await sim?.close();
});

async function say(text: string): Promise<void> {
  await page.locator('#text').fill(text);
  await page.getByRole('button', { name: /发送|Send/u }).click();
}

describe('the simulator console', { timeout: 30_000 }, () => {
  it('loads in under a second and lists the conversations', async () => {
    const started = Date.now();
    await page.goto(`${sim.url}/_console?lang=zh-CN`);
    await page.getByText('已连接模拟器').waitFor();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await page.locator('#chat-list button').count()).toBe(5);
  });

  it('types as a group member and shows the bot reply, with its call, msg_seq and budget on the side', async () => {
    await page.locator('[data-chat="group-1"]').click();
    await say('你好');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('pong: 你好');
    const wire = page.locator('#wire');
    await expect.poll(() => wire.textContent(), { timeout: 5000 }).toContain('msg_seq 1');
    expect(await wire.textContent()).toMatch(/已用 1 · 剩余 4/u);
  });

  it('renders a keyboard, and a click reaches the bot as INTERACTION_CREATE and shows its acknowledgement', async () => {
    await say('/menu');
    const button = page.locator('.msg.bot .keyboard button', { hasText: '天气' }).last();
    await button.waitFor({ timeout: 10_000 });
    await button.click();
    await expect.poll(() => clicks, { timeout: 10_000 }).toContain('weather');
    await expect.poll(() => page.locator('#wire').textContent(), { timeout: 5000 }).toContain('交互回执');
  });

  it("renders the platform's markdown subset", async () => {
    await say('/md');
    const md = page.locator('.msg.bot .md').last();
    await md.locator('h1').waitFor({ timeout: 10_000 });
    expect(await md.locator('h1').textContent()).toBe('标题');
    expect(await md.locator('s').textContent()).toBe('删掉的');
    expect(await md.locator('strong').textContent()).toBe('粗体');
    expect(await md.locator('code').textContent()).toBe('代码');
    expect(await md.locator('blockquote').textContent()).toBe('引用的一句');
    expect(await md.textContent()).toContain('• 第一项');
  });

  it('explains a refusal when the reply budget is exhausted', async () => {
    await page.locator('[data-fault="exhaust-budget"]').click();
    await say('还在吗');
    await expect.poll(() => page.locator('#wire .refused').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const refused = await page.locator('#wire .refused').first().textContent();
    expect(refused).toMatch(/被拒绝 \d+/u);
    await page.locator('[data-fault="reset"]').click();
  });

  it('sends a picture and a voice note as a user; the bot downloads them from the console', async () => {
    await page.locator('[data-chat="group-1"]').click();
    await page.locator('#send-image').click();
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toMatch(/附件 image\/png [1-9]\d* 字节/u);
    expect(await page.locator('.msg.user img').count()).toBeGreaterThan(0);
    await page.locator('#send-voice').click();
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toMatch(/附件 voice [1-9]\d* 字节 「这是一条语音消息」/u);
  });

  it("quotes the bot's reply; the bot sees the quote index the platform gave that reply", async () => {
    await say('引用我');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('pong: 引用我');
    const reply = sim.sentMessages.at(-1);
    expect(reply?.refIdx).toBeDefined();
    await page.locator('.msg.bot').last().locator('.quote-button').click();
    await say('这句什么意思');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain(`引用了 ${reply?.refIdx}：pong: 引用我`);
    expect(await page.locator('.msg.user .quoted').last().textContent()).toBe('pong: 引用我');
  });

  it('shows a conversation driven from outside the console (a test or another process injecting events)', async () => {
    const event = sim.inject('GROUP_AT_MESSAGE_CREATE', {
      group_openid: 'A0B1C2D3E4F5061728394A5B6C7D8E9F',
      content: ' 从外面来的消息',
      author: { member_openid: 'F00D', username: '外部用户' },
      attachments: [],
    });
    const chat = page.locator('[data-chat="group-A0B1C2D3E4F5061728394A5B6C7D8E9F"]');
    await chat.waitFor({ timeout: 10_000 });
    await chat.click({ timeout: 5000 });
    await expect.poll(() => page.locator('.msg.user').last().textContent(), { timeout: 10_000 }).toContain('从外面来的消息');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('pong: 从外面来的消息');
    await page.locator('.msg.user').last().click({ timeout: 5000 });
    expect(await page.locator('#wire').textContent()).toContain(event.id);
  });

  it('grows a C2C stream message in place', async () => {
    await page.locator('[data-chat="c2c-1"]').click();
    await say('/stream');
    const bubble = page.locator('.msg.bot').last();
    await expect.poll(() => bubble.textContent(), { timeout: 10_000 }).toContain('一');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('一二三');
    // One bubble, replaced as the stream grew, not one per chunk.
    expect(await page.locator('.msg.bot').count()).toBe(1);
    expect(await page.locator('.msg.bot .stream').textContent()).toMatch(/\d/u);
  });

  it('stays responsive with 10,000 messages in a chat', async () => {
    const feed = (sim as unknown as { console: { feed: { push(entry: object): void } } }).console.feed;
    for (let i = 0; i < 10_000; i++) {
      feed.push({
        kind: 'inbound',
        chat: 'group-2',
        eventType: 'GROUP_AT_MESSAGE_CREATE',
        eventId: `load-${i}`,
        messageId: `load-msg-${i}`,
        user: '小明',
        text: `第 ${i} 条`,
      });
    }
    const started = Date.now();
    await page.reload();
    await page.getByText('已连接模拟器').waitFor();
    await page.locator('[data-chat="group-2"]').click();
    await page.locator('.msg').last().waitFor();
    expect(Date.now() - started).toBeLessThan(3000);
    // Only the latest messages are drawn; earlier ones are a click away.
    expect(await page.locator('.msg').count()).toBeLessThanOrEqual(200);
    await page.locator('.earlier').waitFor();
    const typed = Date.now();
    await say('还在吗');
    await expect.poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 10_000 }).toContain('pong: 还在吗');
    expect(Date.now() - typed).toBeLessThan(2000);
  });

  it('shows a 4009 close and the resume that follows', async () => {
    await page.locator('[data-fault="close-4009"]').click();
    await expect.poll(() => page.locator('#wire').textContent(), { timeout: 15_000 }).toContain('已恢复会话');
    expect(await page.locator('#wire').textContent()).toContain('4009');
  });
});
