// Placeholder for the demo bot: the messaging issue replaces this with an example bot that talks
// to the built-in QQ platform simulator (or to the real platform when credentials are set).
import { VERSION } from '../packages/qq-sdk/dist/index.js';

console.log(`qq-sdk ${VERSION}`);
console.log('The demo bot is not built yet. When it lands, `pnpm demo` will:');
console.log('  1. start the offline QQ platform simulator (qq-sdk/testing) on 127.0.0.1;');
console.log('  2. connect an example bot to it (or to the real platform if QQBOT_APP_ID and QQBOT_APP_SECRET are set);');
console.log('  3. drive a scripted conversation (echo, markdown, media, reply quota) and print each step.');
