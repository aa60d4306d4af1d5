// The README's first bot (`await bot.start()` and nothing else), run as a plain process.
import { describe, expect, it } from 'vitest';
import { startBot, startSimulator } from './setup.js';

describe("the README's first bot as a plain process", () => {
  it('survives 100 forced reconnects in a row (4009, op 7, TCP drops) and still answers', async () => {
    const sim = await startSimulator();
    const bot = startBot('readmeBot.mjs', sim);
    await sim.waitFor(() => sim.sessions.length === 1 && sim.openConnections === 1, { timeoutMs: 10_000 });
    const force = [() => sim.close(4009), () => sim.reconnect(), () => sim.dropConnection()];
    for (let i = 0; i < 100; i++) {
      const resumes = sim.resumes.length;
      force[i % force.length]!();
      await sim.waitFor(() => sim.resumes.length > resumes && sim.openConnections === 1, {
        timeoutMs: 5000,
        description: `reconnect ${i + 1} (the bot process is ${bot.alive ? 'alive' : 'gone'})`,
      });
      expect(bot.alive, `the bot exited after reconnect ${i + 1}; stderr:\n${bot.stderr}`).toBe(true);
    }
    const ping = sim.inject('C2C_MESSAGE_CREATE', { content: 'ping' });
    const [reply] = await sim.waitFor(() => {
      const sent = sim.messagesTo(ping.data.author.user_openid ?? '');
      return sent.length > 0 && sent;
    });
    expect(reply).toMatchObject({ text: 'pong', passive: true, msgId: ping.data.id });
    expect(bot.alive).toBe(true);
    expect(sim.identifies).toHaveLength(1);
  }, 60_000);
});
