// Voice, both ways, through the host's own speech services:
// - a C2C voice note QQ did not recognise (SILK, no asr_refer_text, no voice_wav_url) reaches the
//   host's transcription (tools.media.audio → the fake model's /audio/transcriptions, which reads
//   WAV only) as WAV, and the model answers the transcript;
// - a voice note QQ did recognise reaches the model as its asr_refer_text, not transcribed again;
// - a reply the host voices (TTS, auto "tagged", the fake /audio/speech answering a WAV) goes out
//   as a QQ voice message: an upload with file_type 3 whose bytes are SILK v3.
import { encode } from 'silk-wasm';

export const name = 'voice';
const HEARD = 'E2E_HEARD';
const UNDERSTOOD = 'E2E_VOICE_UNDERSTOOD';
const ASR = 'E2E_ASR_TEXT';
const SPEAK = 'E2E_SPEAK';
const SPOKEN = 'E2E_SPOKEN';

export const answer = (userText) => {
  if (userText.includes(SPEAK)) return `${SPOKEN} 好的。\n\n[[tts:text]]这是一条语音回复。[[/tts:text]]`;
  if (userText.includes(HEARD) || userText.includes(ASR)) return `${UNDERSTOOD} 听到了你的语音`;
  return undefined;
};

export function configureHost(config, { model, version }) {
  // The host's own providers, pointed at the fake model: OpenAI transcription and speech.
  config.models.providers.openai = {
    baseUrl: model.baseUrl,
    apiKey: 'sk-e2e-openai',
    api: 'openai-completions',
    // The fake model listens on loopback, which the host's SSRF guard refuses unless allowed.
    request: { allowPrivateNetwork: true },
    models: [
      {
        id: 'gpt-e2e',
        name: 'unused',
        reasoning: false,
        input: ['text'],
        cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
        contextWindow: 200000,
        maxTokens: 1024,
      },
    ],
  };
  config.tools = {
    ...config.tools,
    media: {
      ...config.tools?.media,
      models: [{ provider: 'openai', model: 'whisper-1', baseUrl: model.baseUrl, capabilities: ['audio'] }],
      audio: { enabled: true },
    },
  };
  const openai = { apiKey: 'sk-e2e-openai', baseUrl: model.baseUrl, model: 'tts-1', speakerVoice: 'alloy' };
  // 2026.9 moved the TTS settings to the top level and can ask OpenAI for WAV; 2026.7 asks for MP3
  // (the fake answers WAV anyway, and the plugin goes by the bytes, not the name).
  if (version.startsWith('2026.7')) config.messages = { ...config.messages, tts: { auto: 'tagged', provider: 'openai', providers: { openai } } };
  else config.tts = { auto: 'tagged', provider: 'openai', providers: { openai: { ...openai, responseFormat: 'wav' } } };
}

/** A 16-bit mono 24 kHz WAV of a tone. */
function toneWav(seconds) {
  const rate = 24000;
  const samples = Math.round(seconds * rate);
  const out = Buffer.alloc(44 + samples * 2);
  out.write('RIFFxxxxWAVEfmt ', 0, 'latin1');
  out.writeUInt32LE(36 + samples * 2, 4);
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) out.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 330 * i) / rate) * 12000), 44 + i * 2);
  return out;
}

export async function run({ sim, model, wait, check, log, c2cOpenid, serveMedia }) {
  const author = { id: c2cOpenid, user_openid: c2cOpenid };
  // A voice note as QQ delivers it: SILK (Tencent's 0x02 + #!SILK_V3), content type "voice".
  const { data: silk } = await encode(toneWav(1.5), 24000);
  const voiceUrl = serveMedia('/e2e-voice.silk', 'application/octet-stream', Buffer.from(silk));
  const before = model.requests.length;
  const note = sim.inject('C2C_MESSAGE_CREATE', {
    content: '',
    author,
    attachments: [{ content_type: 'voice', filename: 'e2e-voice.silk', url: voiceUrl, size: silk.length }],
  });
  await wait((s) => s.messagesTo(c2cOpenid).some((m) => m.msgId === note.data.id && m.text.includes(UNDERSTOOD)), 'the answer to the voice note', 120_000);
  const heard = model.transcriptions.filter((t) => t.wav);
  check(heard.length === 1, `the host's transcription got no WAV: ${JSON.stringify(model.transcriptions)}`);
  check(Math.abs(heard[0].seconds - 1.5) < 0.1, `transcribed audio of ${heard[0].seconds}s, sent 1.5s`);
  check(
    model.transcriptions.every((t) => t.wav),
    `SILK reached the transcription: ${JSON.stringify(model.transcriptions)}`,
  );
  const asked = model.requests.slice(before).find((r) => r.raw.includes(HEARD));
  check(asked !== undefined, 'the model never saw the transcript');
  log(`a voice note without ASR text was transcribed by the host (${heard[0].model}, ${heard[0].seconds.toFixed(2)}s WAV, "${heard[0].text}") and answered`);

  const recognised = sim.inject('C2C_MESSAGE_CREATE', {
    content: '',
    author,
    attachments: [{ content_type: 'voice', filename: 'e2e-voice2.silk', url: voiceUrl, size: silk.length, asr_refer_text: `${ASR} 明天会下雨吗` }],
  });
  await wait(
    (s) => s.messagesTo(c2cOpenid).some((m) => m.msgId === recognised.data.id && m.text.includes(UNDERSTOOD)),
    'the answer to the recognised voice note',
    120_000,
  );
  check(model.transcriptions.length === 1, `a voice note QQ recognised was transcribed again: ${model.transcriptions.length} transcriptions`);
  check(
    model.requests.some((r) => r.raw.includes(ASR)),
    "the model never saw QQ's ASR text",
  );
  log("a voice note with QQ's ASR text reached the model as that text, without another transcription");

  const ask = sim.inject('C2C_MESSAGE_CREATE', { content: `${SPEAK} 请用语音回答`, author });
  const voice = await wait((s) => s.messagesTo(c2cOpenid).find((m) => m.msgId === ask.data.id && m.media?.fileType === 3), 'the voice reply', 120_000);
  check(
    voice.media.silk === true,
    `the voice upload is not SILK: ${Buffer.from(voice.media.data ?? [])
      .subarray(0, 12)
      .toString('latin1')}`,
  );
  check(voice.media.data[0] === 0x02, 'the SILK voice lacks the 0x02 byte Tencent writes');
  check(model.speech.length >= 1, 'the host never called its TTS provider');
  const replies = sim.messagesTo(c2cOpenid).filter((m) => m.msgId === ask.data.id);
  check(
    replies.some((m) => m.text.includes(SPOKEN)),
    `the text of the voiced reply is missing: ${JSON.stringify(replies.map((m) => m.text))}`,
  );
  check(!replies.some((m) => /\/[\w.-]+\/.*\.(wav|mp3)/u.test(m.text)), 'a server path reached the user as text');
  log(`the host's TTS reply went out as QQ voice (file_type 3, ${voice.media.data.length} bytes of SILK) after its text (${replies.length} replies)`);
}
