// Regenerates the console screenshots in docs/images (docs/testing.md, the READMEs): the example
// bot (examples/src/echoBot.ts) against the simulator with its console, a short conversation typed
// in Debian's Chromium, one picture per language. Needs `pnpm build` (qq-sdk and the examples).
//   node packages/qq-sdk/scripts/console-screenshots.mjs
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { QQSimulator } from 'qq-sdk/testing';
import { createEchoBot } from '../../../examples/dist/echoBot.js';

const OUT = new URL('../../../docs/images/', import.meta.url);
const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path !== undefined && existsSync(path));
if (chromiumPath === undefined) throw new Error("no Chromium: install Debian's chromium package or set CHROMIUM_PATH");

const sim = await QQSimulator.start({ console: true, registeredDomains: [] });
const bot = createEchoBot({
  appId: sim.appId,
  clientSecret: sim.clientSecret,
  intents: ['GROUP_AND_C2C_EVENT', 'INTERACTION'],
  apiBaseUrl: sim.url,
  tokenUrl: sim.tokenUrl,
  logLevel: 'silent',
});
await bot.start();
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  for (const lang of ['zh-CN', 'en']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
    await page.goto(`${sim.url}/_console?lang=${lang}`);
    await page.locator('#status').filter({ hasText: /./u }).waitFor();
    if (lang === 'zh-CN') {
      for (const text of ['你好', '/menu']) {
        await page.locator('#text').fill(text);
        await page.locator('#send').click();
        await page.waitForTimeout(300);
      }
      await page.locator('.msg.bot .keyboard button').first().click();
      await page.waitForTimeout(500);
    }
    await page.locator('.msg.user').first().click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: new URL(`console.${lang}.png`, OUT).pathname });
    await page.close();
    console.log(`wrote docs/images/console.${lang}.png`);
  }
} finally {
  await browser.close();
  await bot.stop();
  await sim.close();
}
