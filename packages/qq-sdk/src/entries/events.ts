/**
 * qq-sdk/events: the platform's events, typed and validated.
 *
 * One zod schema and one named payload type per event, {@link parseEvent} for payloads that
 * arrive some other way, intents, dedup stores and the {@link EventDispatcher} that
 * `QQBot` and the gateway deliver through.
 *
 * @packageDocumentation
 * @module events
 */
export * from '../events/index.js';
