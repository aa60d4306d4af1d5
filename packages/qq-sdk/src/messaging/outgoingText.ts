import type { OutgoingMessage } from './OutgoingMessage.js';

/**
 * The text an outgoing message shows: the content of text and markdown, a media caption, or `''`.
 *
 * @param message - The message.
 * @returns Its text.
 */
export function outgoingText(message: OutgoingMessage): string {
  if (message.kind === 'text' || message.kind === 'markdown') return message.content;
  if (message.kind === 'media') return message.caption ?? '';
  return '';
}
