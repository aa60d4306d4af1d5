// An image a user sends reaches the model as an image part, downloaded into OpenClaw's media
// store: the model is never handed the remote URL.
export const name = 'image';
const IMAGE_ASK = 'E2E_IMAGE_ASK';
const IMAGE_SEEN = 'E2E_IMAGE_SEEN';
// A valid 1x1 PNG, served as a user's attachment from a loopback "media host".
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export const answer = (userText) => (userText.includes(IMAGE_ASK) ? `${IMAGE_SEEN} 收到图片` : undefined);

export async function run({ sim, model, wait, check, log, c2cOpenid, serveMedia }) {
  const mediaUrl = serveMedia('/e2e.png', 'image/png', PNG);
  const before = model.requests.length;
  const photo = sim.inject('C2C_MESSAGE_CREATE', {
    content: `${IMAGE_ASK} 这是什么？`,
    author: { id: c2cOpenid, user_openid: c2cOpenid },
    attachments: [{ content_type: 'image/png', filename: 'e2e.png', url: mediaUrl, width: 1, height: 1, size: PNG.length }],
  });
  await wait((s) => s.messagesTo(c2cOpenid).some((m) => m.msgId === photo.data.id && m.text.includes(IMAGE_SEEN)), 'the answer to the image', 120_000);
  const asked = model.requests.slice(before).find((r) => r.raw.includes(IMAGE_ASK));
  check(asked !== undefined, 'the model never saw the image message');
  const parts = (asked.body.messages ?? []).flatMap((m) => (Array.isArray(m.content) ? m.content : []));
  const image = parts.find((part) => part?.type === 'image_url' || part?.type === 'image');
  check(image !== undefined, `the model request has no image part: ${asked.raw.slice(0, 600)}`);
  check(!asked.raw.includes(mediaUrl), 'the model was handed the remote URL instead of the saved file');
  log(`an image the user sent reached the model as an image part (${JSON.stringify(image).slice(0, 60)}…)`);
}
