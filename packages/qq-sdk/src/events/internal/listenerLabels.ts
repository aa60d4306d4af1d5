/**
 * Names under which handlers are reported when they differ from the name they are registered
 * under: `QQBot` registers each `bot.on('message', fn)` as one wrapper per message event type, and
 * a failing or hung wrapper is reported as `'message'`, the name the user wrote.
 */
const labels = new WeakMap<object, string>();

/** Reports `handler` as `label` in handler errors and abandoned-handler reports. */
export function setListenerLabel(handler: object, label: string): void {
  labels.set(handler, label);
}

/** The name to report `handler` under: its label, or the name it was registered under. */
export function listenerLabel(handler: object, registeredAs: string): string {
  return labels.get(handler) ?? registeredAs;
}
