// A quoted message (message_scene.ext ref_msg_idx + msg_elements) reaches the model as reply context.
export const name = 'quote';
const QUOTED = 'E2E_QUOTED_TEXT';

export async function run({ version, sim, model, wait, check, log, c2cOpenid }) {
  const quoteAt = model.requests.length;
  const quoting = sim.injectRaw({
    t: 'C2C_MESSAGE_CREATE',
    d: {
      id: `ROBOT1.0_e2e_quote_${version}`,
      author: { id: c2cOpenid, user_openid: c2cOpenid },
      content: '这句话什么意思？',
      timestamp: new Date().toISOString(),
      message_type: 103,
      message_scene: { source: 'default', ext: ['ref_msg_idx=REFIDX_e2e'] },
      msg_elements: [{ msg_idx: 'REFIDX_e2e', message_type: 0, content: QUOTED }],
    },
  });
  await wait((s) => s.messagesTo(c2cOpenid).some((m) => m.msgId === quoting.data.id), 'the answer to the quote', 120_000);
  check(
    model.requests.slice(quoteAt).some((r) => r.raw.includes(QUOTED)),
    'the quoted text did not reach the model',
  );
  log('a quoted message reached the model as reply context');
}
