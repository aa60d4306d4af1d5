import type { Logger } from 'qq-sdk';
import type { PanelScope } from 'qq-sdk/rest';
import type { QQBotPort } from '../bot/QQBotPort.js';
import type { ReplyLocale } from '../commands/commandTexts.js';

/** How this plugin marks its own panels (`panel.remark`, not shown to users). */
export const PANEL_REMARK = 'clawdbot-qqbot:commands';

/** The scenes whose chats get the panel. */
const SCOPES: readonly PanelScope[] = ['c2c', 'group'];

/** Pages read at most when looking for the plugin's panels (20 panels per bot is the platform's limit). */
const MAX_PAGES = 5;

/**
 * The commands the panel offers: the plugin's own that take no argument, and the host's everyday
 * ones. Descriptions stay within the panel's 30-column limit (a CJK character counts 2).
 */
const PANEL_ITEMS: Record<ReplyLocale, ReadonlyArray<readonly [name: string, desc: string]>> = {
  'zh-CN': [
    ['/bot-help', '命令列表'],
    ['/bot-ping', '测试在线与延迟'],
    ['/bot-me', '查看我的 openid'],
    ['/bot-version', '查看版本'],
    ['/status', '查看 OpenClaw 状态'],
    ['/new', '开始新的对话'],
  ],
  en: [
    ['/bot-help', 'list the commands'],
    ['/bot-ping', 'online check and latency'],
    ['/bot-me', 'show my openid'],
    ['/bot-version', 'show versions'],
    ['/status', 'OpenClaw status'],
    ['/new', 'start a new conversation'],
  ],
};

async function ownPanels(panels: NonNullable<QQBotPort['panels']>, scope: PanelScope): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const list = await panels.list({ scope, limit: 50, ...(cursor !== undefined ? { cursor } : {}) });
    for (const record of list.records ?? []) if (record.panel?.remark === PANEL_REMARK) ids.push(record.panel_id);
    if (list.is_end === true || !list.next_cursor) break;
    cursor = list.next_cursor;
  }
  return ids;
}

/**
 * Keeps the QQ command panel (what a user sees after typing "/") in line with the `commandPanel`
 * setting, for C2C and group chats: `true` publishes the plugin's panel, or updates the one it
 * published before (found by its remark); `false` withdraws it; unset leaves the platform alone.
 * Failures are logged: the panel is a convenience, never a reason not to run.
 */
export async function syncCommandPanel(bot: QQBotPort, setting: boolean | undefined, locale: ReplyLocale, logger: Logger): Promise<void> {
  const panels = bot.panels;
  if (setting === undefined || panels === undefined) return;
  for (const scope of SCOPES) {
    try {
      const [first, ...extra] = await ownPanels(panels, scope);
      for (const id of setting ? extra : [first, ...extra]) if (id !== undefined) await panels.delete(id);
      if (!setting) {
        if (first !== undefined) logger.info(`command panel withdrawn (${scope})`);
        continue;
      }
      const panel = { items: PANEL_ITEMS[locale].map(([name, desc]) => ({ type: 'command' as const, name, desc })), remark: PANEL_REMARK };
      if (first !== undefined) await panels.update(first, { panel });
      else await panels.create({ scope, target_type: 'all', panel });
      logger.info(`command panel published (${scope})`);
    } catch (error) {
      logger.warn(`could not sync the command panel (${scope})`, { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
