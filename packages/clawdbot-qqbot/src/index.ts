/**
 * clawdbot-qqbot: the QQ Bot (Official API) channel plugin for OpenClaw, built on qq-sdk.
 *
 * @packageDocumentation
 */
export { CHANNEL_ID, CHANNEL_LABEL } from './channel.js';
export { parseAppCredentials, type AppCredentials } from './credentials.js';
