import { AnnouncesAPI } from './resources/AnnouncesAPI.js';
import { ApiPermissionsAPI } from './resources/ApiPermissionsAPI.js';
import { AudioAPI } from './resources/AudioAPI.js';
import { ForumAPI } from './resources/ForumAPI.js';
import { SchedulesAPI } from './resources/SchedulesAPI.js';
import { ChannelsAPI } from './resources/ChannelsAPI.js';
import { DMsAPI } from './resources/DMsAPI.js';
import { GatewayAPI } from './resources/GatewayAPI.js';
import { GroupsAPI } from './resources/GroupsAPI.js';
import { GuildsAPI } from './resources/GuildsAPI.js';
import { InteractionsAPI } from './resources/InteractionsAPI.js';
import { MediaAPI, type MediaAPIOptions } from './resources/MediaAPI.js';
import { MembersAPI } from './resources/MembersAPI.js';
import { MenuAPI } from './resources/MenuAPI.js';
import { MessagesAPI } from './resources/MessagesAPI.js';
import { PanelsAPI } from './resources/PanelsAPI.js';
import { PinsAPI } from './resources/PinsAPI.js';
import { ReactionsAPI } from './resources/ReactionsAPI.js';
import { RolesAPI } from './resources/RolesAPI.js';
import { UsersAPI } from './resources/UsersAPI.js';
import type { RestClient } from './RestClient.js';

/** Options of {@link API}. */
export interface APIOptions {
  /** Options of the media resource (upload cache). */
  readonly media?: MediaAPIOptions | undefined;
}

/**
 * Every REST resource, reachable as `api.<resource>.<method>`.
 *
 * @example
 * ```ts
 * const rest = new RestClient({ appId, clientSecret });
 * const api = new API(rest);
 * const me = await api.users.getMe();
 * await api.messages.sendGroup(groupOpenid, { msg_type: 0, content: 'hello', msg_id, msg_seq: 1 });
 * ```
 */
export class API {
  /** The underlying client (raw `request`, `rateLimited` events, the token provider). */
  readonly rest: RestClient;
  /** Send and recall messages in C2C, groups, channels and DMs. */
  readonly messages: MessagesAPI;
  /** Upload rich media for C2C and groups. */
  readonly media: MediaAPI;
  /** The bot user and its guilds. */
  readonly users: UsersAPI;
  /** Gateway URL and session start limit. */
  readonly gateway: GatewayAPI;
  /** Guild DM sessions. */
  readonly dms: DMsAPI;
  /** Interaction acknowledgements. */
  readonly interactions: InteractionsAPI;
  /** Guild details, message settings, mutes. */
  readonly guilds: GuildsAPI;
  /** Channels and channel permissions. */
  readonly channels: ChannelsAPI;
  /** Guild members. */
  readonly members: MembersAPI;
  /** Guild roles. */
  readonly roles: RolesAPI;
  /** Pinned messages. */
  readonly pins: PinsAPI;
  /** Emoji reactions. */
  readonly reactions: ReactionsAPI;
  /** Announcements. */
  readonly announces: AnnouncesAPI;
  /** Channel schedules. */
  readonly schedules: SchedulesAPI;
  /** Forum threads. */
  readonly forum: ForumAPI;
  /** Guild API permissions. */
  readonly apiPermissions: ApiPermissionsAPI;
  /** Audio channel controls. */
  readonly audio: AudioAPI;
  /** Group management (invite-only, UNCONFIRMED). */
  readonly groups: GroupsAPI;
  /** The custom C2C menu (2026-08, UNCONFIRMED). */
  readonly menu: MenuAPI;
  /** Command panels (2026-08, UNCONFIRMED). */
  readonly panels: PanelsAPI;

  /**
   * @param rest - The REST client every resource sends through.
   * @param options - Resource options.
   */
  constructor(rest: RestClient, options: APIOptions = {}) {
    this.rest = rest;
    this.messages = new MessagesAPI(rest);
    this.media = new MediaAPI(rest, options.media);
    this.users = new UsersAPI(rest);
    this.gateway = new GatewayAPI(rest);
    this.dms = new DMsAPI(rest);
    this.interactions = new InteractionsAPI(rest);
    this.guilds = new GuildsAPI(rest);
    this.channels = new ChannelsAPI(rest);
    this.members = new MembersAPI(rest);
    this.roles = new RolesAPI(rest);
    this.pins = new PinsAPI(rest);
    this.reactions = new ReactionsAPI(rest);
    this.announces = new AnnouncesAPI(rest);
    this.schedules = new SchedulesAPI(rest);
    this.forum = new ForumAPI(rest);
    this.apiPermissions = new ApiPermissionsAPI(rest);
    this.audio = new AudioAPI(rest);
    this.groups = new GroupsAPI(rest);
    this.menu = new MenuAPI(rest);
    this.panels = new PanelsAPI(rest);
  }
}
