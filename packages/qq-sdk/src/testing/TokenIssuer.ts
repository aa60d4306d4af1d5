import { randomBytes } from 'node:crypto';
import type { Clock } from '../internal/Clock.js';

/** The last 60 s of a token's life, when the platform hands out a new one. */
const RENEWAL_WINDOW_MS = 60_000;

interface IssuedToken {
  value: string;
  expiresAt: number;
}

/**
 * Issues access tokens with the platform's renewal rule: the same token while it is valid, a new
 * one in its last 60 s, the old one staying valid until its own expiry.
 */
export class TokenIssuer {
  private readonly tokens: IssuedToken[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
  ) {}

  /** The token to hand out now and its remaining lifetime in whole seconds. */
  issue(): { accessToken: string; expiresIn: number } {
    const now = this.clock.now();
    this.prune(now);
    let newest = this.tokens.at(-1);
    if (!newest || newest.expiresAt - now <= RENEWAL_WINDOW_MS) {
      newest = { value: randomBytes(24).toString('base64url'), expiresAt: now + this.lifetimeMs };
      this.tokens.push(newest);
    }
    return { accessToken: newest.value, expiresIn: Math.max(0, Math.floor((newest.expiresAt - now) / 1000)) };
  }

  /** Whether `token` is a currently valid access token. */
  isValid(token: string): boolean {
    const now = this.clock.now();
    return this.tokens.some((t) => t.value === token && t.expiresAt > now);
  }

  /** Whether an `Authorization`-style value (`QQBot <token>`) carries a valid token. */
  isValidAuthorization(value: string | undefined): boolean {
    if (value === undefined || !value.startsWith('QQBot ')) return false;
    return this.isValid(value.slice('QQBot '.length).trim());
  }

  /**
   * Whether the token of an Identify or Resume is valid. The gateway takes it with or without the
   * `QQBot ` prefix: botgo identifies with `QQBot <token>` and resumes with the bare token, and
   * both work in production; the docs' Resume example is bare too.
   */
  isValidGatewayToken(value: string): boolean {
    return value.startsWith('QQBot ') ? this.isValidAuthorization(value) : this.isValid(value.trim());
  }

  /** Invalidates every token issued so far; the next request gets a fresh one. */
  expireAll(): void {
    this.tokens.length = 0;
  }

  private prune(now: number): void {
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      if (this.tokens[i]!.expiresAt <= now) this.tokens.splice(i, 1);
    }
  }
}
