import { afterEach, describe, expect, it } from 'vitest';
import { QQAuthError, QQBot, QQValidationError, type QQBotOptions } from '../../src/index.js';
import { QQSimulator } from '../../src/testing/index.js';

// The first mistakes a new user makes get errors that name the option they wrote and say what
// to do, at construction where possible, and never echo the secret.

let sim: QQSimulator | undefined;
let bot: QQBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await sim?.close();
  bot = undefined;
  sim = undefined;
});

const build = (options: Partial<Record<keyof QQBotOptions, unknown>>): QQBot =>
  new QQBot({ appId: '102000000', clientSecret: 'secret', intents: ['GROUP_AND_C2C_EVENT'], logLevel: 'silent', ...options } as unknown as QQBotOptions);

const issuesOf = (fn: () => unknown): Array<{ path: string; message: string }> => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(QQValidationError);
    return [...(error as QQValidationError).issues].map((issue) => ({ path: String(issue.path), message: issue.message }));
  }
  throw new Error('expected the constructor to throw');
};

describe('QQBot options checked at construction', () => {
  it('an empty AppSecret (an unset environment variable) names clientSecret and says so, without echoing anything', () => {
    const [issue] = issuesOf(() => build({ clientSecret: '' }));
    expect(issue).toEqual({ path: 'clientSecret', message: expect.stringMatching(/missing or empty.*AppSecret.*environment variable/u) });
    expect(issuesOf(() => build({ clientSecret: undefined }))[0]?.path).toBe('clientSecret');
  });

  it('a missing or empty appId, or one that is not the AppID digits, names appId', () => {
    expect(issuesOf(() => build({ appId: undefined }))[0]).toEqual({ path: 'appId', message: expect.stringMatching(/missing or empty.*QQ console/u) });
    expect(issuesOf(() => build({ appId: 'my-bot' }))[0]).toEqual({ path: 'appId', message: expect.stringMatching(/AppID digits.*got "my-bot"/u) });
  });

  it('omitted intents say which option and give an example, instead of "intents is not iterable"', () => {
    expect(issuesOf(() => build({ intents: undefined }))[0]).toEqual({ path: 'intents', message: expect.stringMatching(/required.*GROUP_AND_C2C_EVENT/u) });
    expect(issuesOf(() => build({ intents: 'GROUP_AND_C2C_EVENT' }))[0]?.path).toBe('intents');
  });

  it('reports every problem at once', () => {
    expect(issuesOf(() => build({ appId: '', clientSecret: '', intents: undefined })).map((issue) => issue.path)).toEqual(['appId', 'clientSecret', 'intents']);
  });

  it('a numeric appId (a JavaScript config) works end to end against the simulator', async () => {
    sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    bot = build({ appId: Number(sim.appId), clientSecret: sim.clientSecret, apiBaseUrl: sim.url, tokenUrl: sim.tokenUrl });
    await bot.start();
    expect(sim.sessions.some((session) => session.connected)).toBe(true);
  });
});

describe('the token endpoint refusing the credentials', () => {
  it('a wrong AppSecret: QQAuthError 100016 with the platform text as sent and advice that fits', async () => {
    sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    bot = build({ appId: sim.appId, clientSecret: 'not-the-secret', apiBaseUrl: sim.url, tokenUrl: sim.tokenUrl });
    const error = await bot.start().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(QQAuthError);
    const auth = error as QQAuthError;
    expect(auth.code).toBe(100016);
    expect(auth.platformMessage).toBe('invalid appid or secret');
    expect(auth.explanation).toMatch(/AppID and AppSecret do not match.*QQ console/u);
    expect(auth.message).not.toMatch(/Check the body against the platform docs/u);
    expect(auth.message).not.toContain('not-the-secret');
  });

  it('an unknown appId: code 100007 says to use the AppID, not the QQ number', async () => {
    sim = await QQSimulator.start({ heartbeatIntervalMs: 1000 });
    bot = build({ appId: '102999999', clientSecret: sim.clientSecret, apiBaseUrl: sim.url, tokenUrl: sim.tokenUrl });
    await expect(bot.start()).rejects.toMatchObject({ code: 100007, explanation: expect.stringMatching(/does not know this appId.*not its QQ number/u) });
  });
});
