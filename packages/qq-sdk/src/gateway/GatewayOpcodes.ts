/**
 * The opcodes of the QQ gateway protocol (docs/platform-reference.md#gateway-opcodes).
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/opcode.html
 */
export const GatewayOpcodes = {
  /** An event pushed by the platform. */
  Dispatch: 0,
  /** A heartbeat carrying the last received sequence number (sent, occasionally received). */
  Heartbeat: 1,
  /** Starts a new session. */
  Identify: 2,
  /** Continues an existing session; the platform replays the events after `seq`. */
  Resume: 6,
  /** The platform asks the client to reconnect and resume. */
  Reconnect: 7,
  /** The session cannot be used; `d: true` means it may still be resumed. */
  InvalidSession: 9,
  /** The first frame on a connection; carries `heartbeat_interval`. */
  Hello: 10,
  /** Acknowledges a heartbeat. */
  HeartbeatAck: 11,
} as const;

/** One of the numeric values of {@link GatewayOpcodes}. */
export type GatewayOpcode = (typeof GatewayOpcodes)[keyof typeof GatewayOpcodes];
