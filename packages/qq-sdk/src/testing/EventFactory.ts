import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../internal/Clock.js';
import { deepMerge, isPlainObject } from './deepMerge.js';

/** A fixture envelope as the events area ships it (`{op, s, t, id, d}`). Internal. */
export interface FixtureEnvelope {
  readonly t: string;
  readonly id?: string | null | undefined;
  readonly d?: unknown;
}

/** An event ready to dispatch: type, fresh envelope id and payload. Internal. */
export interface BuiltEvent {
  type: string;
  id: string;
  data: unknown;
}

/**
 * Builds realistic events for `inject`: the fixture's `d` with the caller's partial deep-merged
 * over it, fresh ids (envelope id, message id) and timestamps from the simulator's clock.
 * Internal.
 */
export class EventFactory {
  constructor(
    private readonly fixtures: Readonly<Record<string, FixtureEnvelope | undefined>>,
    private readonly clock: Clock,
  ) {}

  /** Builds one event of `type`; without a fixture, `d` is the partial alone. */
  build(type: string, partial?: unknown): BuiltEvent {
    const fixture = this.fixtures[type];
    const fixtureId = fixture?.id ?? '';
    const id = fixtureId.includes(':') || !fixture ? `${type}:${randomUUID()}` : randomUUID();
    if (!fixture) return { type, id, data: partial === undefined ? {} : structuredClone(partial) };
    const base = structuredClone(fixture.d ?? {});
    if (isPlainObject(base)) this.refresh(base, fixtureId, id);
    return { type, id, data: deepMerge(base, partial) };
  }

  /** Replaces the fixture's ids and timestamp with fresh ones (before the partial is applied). */
  private refresh(d: Record<string, unknown>, fixtureId: string, envelopeId: string): void {
    const messageId = d['id'];
    if (typeof messageId === 'string') {
      if (messageId === fixtureId) d['id'] = envelopeId;
      else if (messageId.startsWith('ROBOT1.0_')) d['id'] = `ROBOT1.0_${randomBytes(48).toString('base64url')}`;
      else
        d['id'] = randomBytes(Math.max(8, Math.ceil(messageId.length / 2)))
          .toString('hex')
          .slice(0, messageId.length);
    }
    const ts = d['timestamp'];
    if (typeof ts === 'string') d['timestamp'] = rfc3339Beijing(this.clock.now());
    else if (typeof ts === 'number') d['timestamp'] = Math.floor(this.clock.now() / 1000);
  }
}

/** `epochMs` as the platform writes message timestamps: RFC 3339 in UTC+8, second precision. */
export function rfc3339Beijing(epochMs: number): string {
  const shifted = new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${shifted}+08:00`;
}
