/**
 * qq-sdk: a fully typed SDK for the QQ Open Platform bot API.
 *
 * @packageDocumentation
 */
export { VERSION } from './version.js';
export { DEFAULT_USER_AGENT } from './userAgent.js';
