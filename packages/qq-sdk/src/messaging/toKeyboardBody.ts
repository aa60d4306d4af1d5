import type { KeyboardBody, KeyboardButtonBody } from '../rest/schemas/messages.js';
import type { KeyboardButton, KeyboardSpec } from './OutgoingMessage.js';

const ACTION_TYPES = { link: 0, callback: 1, command: 2 } as const;

function toButtonBody(button: KeyboardButton): KeyboardButtonBody {
  const permission = button.permission ?? 'everyone';
  return {
    id: button.id,
    render_data: { label: button.label, visited_label: button.visitedLabel ?? button.label, style: button.style ?? 1 },
    action: {
      type: ACTION_TYPES[button.action.type],
      permission: permission === 'everyone' ? { type: 2 } : permission === 'admins' ? { type: 1 } : { type: 0, specify_user_ids: [...permission.userIds] },
      data: button.action.type === 'link' ? button.action.url : button.action.data,
      unsupport_tips: '请升级 QQ 版本',
      ...(button.action.type === 'command' && button.action.enter !== undefined ? { enter: button.action.enter } : {}),
    },
  };
}

/** Converts a {@link KeyboardSpec} into the platform's `keyboard` body. */
export function toKeyboardBody(spec: KeyboardSpec): KeyboardBody {
  if ('templateId' in spec) return { id: spec.templateId };
  return { content: { rows: spec.rows.map((row) => ({ buttons: row.map(toButtonBody) })) } };
}
