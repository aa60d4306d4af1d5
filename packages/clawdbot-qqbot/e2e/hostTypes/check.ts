// Compiled by e2e/hostTypes.mjs against each OpenClaw version's published plugin-sdk types (not by
// the package's own typecheck: `openclaw` is not a dependency). One line per member we depend on:
// - what the host hands us (OpenClawPluginApi) must fit what src/host/HostTypes.ts says we read;
// - what we hand the host (the channel plugin object) must fit what its ChannelPlugin reads.
// Each error is a gap between our declared shape and the host's; gaps.<version>.txt lists the
// known ones, so a host release that changes a shape we depend on shows up as a new line.
import type { ChannelPlugin, OpenClawPluginApi } from 'openclaw/plugin-sdk/core';
import type { HostPluginApi } from '../../src/host/HostTypes.js';
import type { QQBotChannelPlugin } from '../../src/plugin.js';

declare const api: OpenClawPluginApi;
declare const ours: QQBotChannelPlugin;

export const api_config: HostPluginApi['config'] = api.config;
export const api_logger: HostPluginApi['logger'] = api.logger;
export const api_on: HostPluginApi['on'] = api.on;
export const api_registerChannel: HostPluginApi['registerChannel'] = api.registerChannel;
export const api_registerHttpRoute: HostPluginApi['registerHttpRoute'] = api.registerHttpRoute;
export const api_registerReload: HostPluginApi['registerReload'] = api.registerReload;
export const api_registerService: HostPluginApi['registerService'] = api.registerService;
export const api_registerTool: HostPluginApi['registerTool'] = api.registerTool;
export const api_registrationMode: HostPluginApi['registrationMode'] = api.registrationMode;
export const api_runtime: HostPluginApi['runtime'] = api.runtime;

export const plugin_id: ChannelPlugin['id'] = ours.id;
export const plugin_meta: ChannelPlugin['meta'] = ours.meta;
export const plugin_capabilities: ChannelPlugin['capabilities'] = ours.capabilities;
export const plugin_reload: ChannelPlugin['reload'] = ours.reload;
export const plugin_config: ChannelPlugin['config'] = ours.config;
export const plugin_setup: ChannelPlugin['setup'] = ours.setup;
export const plugin_setupWizard: ChannelPlugin['setupWizard'] = ours.setupWizard;
export const plugin_pairing: ChannelPlugin['pairing'] = ours.pairing;
export const plugin_messaging: ChannelPlugin['messaging'] = ours.messaging;
export const plugin_agentPrompt: ChannelPlugin['agentPrompt'] = ours.agentPrompt;
export const plugin_groups: ChannelPlugin['groups'] = ours.groups;
export const plugin_outbound: ChannelPlugin['outbound'] = ours.outbound;
export const plugin_gateway: ChannelPlugin['gateway'] = ours.gateway;
export const plugin_status: ChannelPlugin['status'] = ours.status;
export const plugin_approvalCapability: ChannelPlugin['approvalCapability'] = ours.approvalCapability;
