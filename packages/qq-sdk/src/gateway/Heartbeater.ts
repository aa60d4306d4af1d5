import type { Clock } from '../internal/Clock.js';

/** One acknowledged heartbeat, as emitted by the shard's `heartbeat` event. */
export interface HeartbeatInfo {
  /** When the heartbeat was sent (epoch ms). */
  heartbeatAt: number;
  /** When its ACK arrived (epoch ms). */
  ackAt: number;
  /** Round trip in ms. */
  latency: number;
}

/** What {@link Heartbeater} is wired to. */
export interface HeartbeaterOptions {
  /** Sends op 1 with the given sequence. */
  send: () => void;
  /** Called once when a beat is due and the previous one was never acknowledged. */
  onZombie: () => void;
  /** Called for every ACK with its timing. */
  onAck: (info: HeartbeatInfo) => void;
  /** Time source for latency. */
  clock: Clock;
  /** Randomness for the first beat's jitter. Defaults to `Math.random`. */
  random?: () => number;
}

/**
 * The heartbeat of one connection: the first beat is jittered by `interval × random` so a fleet of
 * shards does not beat in lockstep, then beats run at a fixed interval. A beat that is due while the
 * previous one is still unacknowledged means the connection is a zombie (the TCP stream is alive
 * but the server is not answering): `onZombie` fires and the heartbeat stops.
 */
export class Heartbeater {
  readonly #options: HeartbeaterOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #interval: ReturnType<typeof setInterval> | undefined;
  #awaitingAck = false;
  #sentAt = 0;

  /** @param options - Where beats go and whom to tell about ACKs and zombies. */
  constructor(options: HeartbeaterOptions) {
    this.#options = options;
  }

  /** Whether a beat was sent and not yet acknowledged. */
  get awaitingAck(): boolean {
    return this.#awaitingAck;
  }

  /**
   * Starts beating every `intervalMs`, first after a random fraction of it.
   *
   * @param intervalMs - `heartbeat_interval` from Hello.
   */
  start(intervalMs: number): void {
    this.stop();
    const first = Math.floor(intervalMs * (this.#options.random ?? Math.random)());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#tick()) return;
      this.#interval = setInterval(() => this.#tick(), intervalMs);
      this.#interval.unref?.();
    }, first);
    this.#timer.unref?.();
  }

  /**
   * Answers the server's op 1 with a beat now. It is not one of our scheduled beats: it neither
   * starts nor resets the wait for an ACK, so a request arriving just before a scheduled beat cannot
   * make the connection look like a zombie.
   */
  beatNow(): void {
    this.#options.send();
  }

  /** Records an op 11. */
  ack(): void {
    if (!this.#awaitingAck) return;
    this.#awaitingAck = false;
    const ackAt = this.#options.clock.now();
    this.#options.onAck({ heartbeatAt: this.#sentAt, ackAt, latency: ackAt - this.#sentAt });
  }

  /** Stops all timers; safe to call repeatedly. */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#interval) clearInterval(this.#interval);
    this.#timer = undefined;
    this.#interval = undefined;
    this.#awaitingAck = false;
  }

  #tick(): boolean {
    if (this.#awaitingAck) {
      this.stop();
      this.#options.onZombie();
      return false;
    }
    this.#send();
    return true;
  }

  #send(): void {
    this.#awaitingAck = true;
    this.#sentAt = this.#options.clock.now();
    this.#options.send();
  }
}
