/**
 * The slice of OpenClaw's agent-tool contract (`api.registerTool`) this plugin uses, declared
 * structurally like src/host/HostTypes.ts. Names follow `AgentTool` and
 * `OpenClawPluginToolContext` in openclaw 2026.7.35 and 2026.9.6.
 */

/** Where the current turn's answer goes (the host's `DeliveryContext`). */
export interface HostToolDeliveryContext {
  /** The channel that owns the target (`qqbot`). */
  readonly channel?: string;
  /** The channel-local target, e.g. `qqbot:group:<group_openid>`. */
  readonly to?: string;
  /** The channel account. */
  readonly accountId?: string;
}

/** What the host passes to a tool factory for one agent turn (fields this plugin reads). */
export interface HostToolContext {
  /** The channel of the turn (`qqbot` for QQ conversations). */
  readonly messageChannel?: string;
  /** The channel account of the turn. */
  readonly agentAccountId?: string;
  /** The session of the turn. */
  readonly sessionKey?: string;
  /** The agent of the turn. */
  readonly agentId?: string;
  /** Where the turn's answer goes. */
  readonly deliveryContext?: HostToolDeliveryContext;
}

/** One text block of a tool result. */
export interface HostToolTextContent {
  /** Always `text`. */
  readonly type: 'text';
  /** What the model reads. */
  readonly text: string;
}

/** A tool result: text for the model, structured details for logs and UI. */
export interface HostToolResult<TDetails> {
  /** What the model reads. */
  readonly content: HostToolTextContent[];
  /** The structured result. */
  readonly details: TDetails;
}

/** A concrete agent tool (the host's `AgentTool`). */
export interface HostAgentTool<TDetails> {
  /** Tool name the model calls; must be listed in the manifest's `contracts.tools`. */
  readonly name: string;
  /** Human-readable label. */
  readonly label: string;
  /** What the tool does, for the model. */
  readonly description: string;
  /** JSON Schema of the arguments (the host validates plain JSON Schema with TypeBox's compiler). */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Runs one call; throws an `Error` whose message the model reads when the call fails. */
  execute(toolCallId: string, params: unknown, signal?: AbortSignal): Promise<HostToolResult<TDetails>>;
}

/** A factory the host calls per turn; `null` leaves the tool out of that turn. */
export type HostToolFactory<TDetails> = (ctx: HostToolContext) => HostAgentTool<TDetails> | null;
