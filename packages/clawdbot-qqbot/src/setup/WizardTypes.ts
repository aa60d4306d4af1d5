/**
 * The slice of OpenClaw's interactive setup contract the `qqbot` setup wizard uses, declared
 * structurally (no import from the host). Names and shapes follow openclaw 2026.9.6
 * `dist/setup-wizard-types-*.d.ts` (regions `src/wizard/prompts.d.ts` and
 * `src/channels/plugins/setup-wizard-types.d.ts`); 2026.7.35 has the same members.
 */
import type { HostConfig } from '../host/HostTypes.js';

/** One choice of a {@link WizardPrompter.select} prompt. */
export interface WizardSelectOption<T> {
  /** What `select` resolves to. */
  readonly value: T;
  /** What the user sees. */
  readonly label: string;
  /** Dimmed text after the label. */
  readonly hint?: string;
}

/** A text prompt (`sensitive` masks the input). */
export interface WizardTextParams {
  /** The question. */
  readonly message: string;
  /** Pre-filled answer. */
  readonly initialValue?: string;
  /** Shown while the answer is empty. */
  readonly placeholder?: string;
  /** Returns the problem with an answer, or `undefined` to accept it. */
  readonly validate?: (value: string) => string | undefined;
  /** Masks the input (a password prompt). */
  readonly sensitive?: boolean;
}

/** A spinner the host shows while something runs. */
export interface WizardProgress {
  /** Replaces the spinner text. */
  update(message: string): void;
  /** Stops the spinner, leaving `message`. */
  stop(message?: string): void;
}

/**
 * The host's prompter (`WizardPrompter`): clack prompts on a terminal, or a scripted one in tests.
 * A prompt the user cancels (Ctrl-C) rejects with the host's `WizardCancelledError`.
 */
export interface WizardPrompter {
  /** A boxed note. */
  note(message: string, title?: string): Promise<void>;
  /** One choice out of several. */
  select<T>(params: { readonly message: string; readonly options: ReadonlyArray<WizardSelectOption<T>>; readonly initialValue?: T }): Promise<T>;
  /** A line of text. */
  text(params: WizardTextParams): Promise<string>;
  /** Yes or no. */
  confirm(params: { readonly message: string; readonly initialValue?: boolean }): Promise<boolean>;
  /** Starts a spinner. */
  progress(label: string): WizardProgress;
}

/** The host's CLI runtime handed to setup (`RuntimeEnv`): its log and error output. */
export interface WizardRuntime {
  /** Prints a line. */
  log(...args: unknown[]): void;
  /** Prints an error line. */
  error(...args: unknown[]): void;
}

/** Options the host's setup flows pass (`SetupChannelsOptions`, the members this wizard reads). */
export interface WizardSetupOptions {
  /** `openclaw onboard --secret-input-mode ref`: store secrets as references, never in the config. */
  readonly secretInputMode?: 'plaintext' | 'ref';
  /** Quickstart onboarding: keep the questions to the credentials. */
  readonly quickstartDefaults?: boolean;
  /** The caller asks DM policies itself (or not at all). */
  readonly skipDmPolicyPrompt?: boolean;
}

/** What the host passes to {@link QQBotSetupWizard.configure} (`ChannelSetupConfigureContext`). */
export interface WizardConfigureContext {
  /** The config being edited (written by the host after the flow). */
  readonly cfg: HostConfig;
  /** The CLI runtime. */
  readonly runtime: WizardRuntime;
  /** The prompter. */
  readonly prompter: WizardPrompter;
  /** Flow options. */
  readonly options?: WizardSetupOptions;
  /** Account ids chosen on the command line or earlier in the flow, by channel. */
  readonly accountOverrides: Readonly<Partial<Record<string, string>>>;
  /** Whether to ask which account to configure (`channels add` sets it). */
  readonly shouldPromptAccountIds: boolean;
  /** The flow requires an allow-list for this channel. */
  readonly forceAllowFrom: boolean;
}

/** What {@link QQBotSetupWizard.getStatus} reports for the channel picker (`ChannelSetupStatus`). */
export interface WizardChannelStatus {
  /** `qqbot`. */
  readonly channel: string;
  /** Whether an account has credentials. */
  readonly configured: boolean;
  /** Lines the host prints in its status note. */
  readonly statusLines: string[];
  /** Shown next to the channel in the picker. */
  readonly selectionHint?: string;
  /** Rank among channels in quickstart. */
  readonly quickstartScore?: number;
}

/** The result of {@link QQBotSetupWizard.configure} (`ChannelSetupResult`). */
export interface WizardConfigureResult {
  /** The edited config. */
  readonly cfg: HostConfig;
  /** The account that was configured. */
  readonly accountId: string;
}

/**
 * The `setupWizard` field of the channel plugin: OpenClaw's imperative `ChannelSetupWizardAdapter`
 * (it is told apart from the declarative form by `getStatus` and `configure`). `openclaw channels
 * add` with no credential flags, `openclaw onboard` and `openclaw configure` run it.
 */
export interface QQBotSetupWizard {
  /** `qqbot`. */
  readonly channel: string;
  /** Whether the channel is configured, for the host's channel picker. */
  getStatus(ctx: { readonly cfg: HostConfig; readonly accountOverrides?: Readonly<Partial<Record<string, string>>> }): Promise<WizardChannelStatus>;
  /** Runs the questions and returns the config to write. */
  configure(ctx: WizardConfigureContext): Promise<WizardConfigureResult>;
  /** Turns the channel off (the host's "disable" choice for a configured channel). */
  disable(cfg: HostConfig): HostConfig;
}
