import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { AudioControlBodySchema, type AudioControlBody } from '../schemas/guildExtras.js';
import { validateBody } from '../validateBody.js';

/**
 * Audio channel controls: play/pause/stop audio, get on and off the mic.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/audio/audio_control.html
 */
export class AudioAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Controls audio playback in an audio channel.
   *
   * @param channelId - The audio channel id.
   * @param body - `status` 0 start, 1 pause, 2 resume, 3 stop; `audio_url` and `text` to start.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/audio/audio_control.html
   */
  async control(channelId: string, body: AudioControlBody, options: RequestOptions = {}): Promise<void> {
    const target = route('POST /channels/{channel_id}/audio', { channel_id: channelId });
    const data = validateBody(AudioControlBodySchema, body, 'audio control body');
    await this.rest.request({ ...options, ...target, body: data });
  }

  /**
   * Gets the bot on the mic.
   *
   * @param channelId - The audio channel id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/audio/put_mic.html
   */
  async micOn(channelId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('PUT /channels/{channel_id}/mic', { channel_id: channelId }) });
  }

  /**
   * Takes the bot off the mic.
   *
   * @param channelId - The audio channel id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/audio/delete_mic.html
   */
  async micOff(channelId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({ ...options, ...route('DELETE /channels/{channel_id}/mic', { channel_id: channelId }) });
  }
}
