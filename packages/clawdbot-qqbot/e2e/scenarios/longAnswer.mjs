// A long agent turn (22 streamed blocks, 4.4k+ characters) in a group, where QQ allows 5 replies
// per message: every block arrives, in at most 5 passive replies with msg_seq 1..n, the final text
// last (merged into the last reply, or the rest as one document); nothing is lost silently.
export const name = 'longAnswer';
const ASK = 'E2E_MULTI_BLOCK';
const FINAL = 'E2E_FINAL_PART';
const BLOCKS = 22;
const filler = '这一段是长回答中的一个流式块，用来检查在五条被动回复之内整段回答都能送达，不会丢掉结尾。';

const longAnswer = () => [...Array.from({ length: BLOCKS - 1 }, (_, i) => `Part ${i + 1}: ${filler.repeat(5)}`), `${FINAL}: the final paragraph.`].join('\n\n');

export const answer = (userText) => (userText.includes(ASK) ? longAnswer() : undefined);

export async function run({ sim, model, wait, check, log, sleep }) {
  const total = longAnswer().length;
  check(total >= 4000, `the scripted answer is only ${total} characters`);
  const multi = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ` ${ASK} 请详细说明` });
  const group = multi.data.group_openid;
  const replies = () => sim.messagesTo(group).filter((m) => m.msgId === multi.data.id);
  const done = () => replies().some((m) => m.text.includes(FINAL) || m.body.msg_type === 7);
  await wait(done, 'the final part of the long answer', 120_000).catch((error) => {
    console.log(
      `model requests: ${model.requests.length}; replies so far: ${JSON.stringify(replies().map((m) => [m.msgSeq, m.body.msg_type, m.text.slice(0, 80)]))}`,
    );
    throw error;
  });
  await sleep(3_000); // anything after the final would be a bug; give it time to show up
  const all = replies();
  check(all.length <= 5, `long turn used ${all.length} replies`);
  check(
    all.every((m, i) => m.passive && m.msgSeq === i + 1),
    `msg_seq not 1..n: ${all.map((m) => m.msgSeq)}`,
  );
  const last = all.at(-1);
  if (last.body.msg_type === 7) {
    // The rest went out as one document (file_type 4): the replies' text and the document's
    // bytes together hold every part, the final one in the document.
    const upload = sim.uploads.find((u) => u.fileInfo === last.body.media?.file_info);
    check(
      upload?.fileType === 4 && upload.data !== undefined,
      `the last reply's media is not an uploaded document: ${JSON.stringify(upload && { ...upload, data: undefined })}`,
    );
    const document = Buffer.from(upload.data).toString('utf8');
    check(document.includes(FINAL), 'the final text is not in the document');
    const everything = `${all.map((m) => m.text).join('\n')}\n${document}`;
    for (let i = 1; i < BLOCKS; i += 1) check(everything.includes(`Part ${i}:`), `Part ${i} was lost`);
    const twice = Array.from({ length: BLOCKS - 1 }, (_, i) => i + 1).filter((i) => everything.split(`Part ${i}:`).length > 2);
    check(twice.length === 0, `parts sent twice: ${twice.join(', ')} (document starts: ${JSON.stringify(document.slice(0, 120))})`);
    log(`long turn: ${BLOCKS} blocks (${total} chars) in ${all.length} replies, the rest (${document.length} chars, final text included) as a document`);
    return;
  }
  check(last.text.includes(FINAL), 'the final text is not in the last reply');
  const joined = all.map((m) => m.text).join('\n');
  for (let i = 1; i < BLOCKS; i += 1) check(joined.includes(`Part ${i}:`), `Part ${i} was lost`);
  log(`long turn: ${BLOCKS} blocks (${total} chars) delivered whole in ${all.length} replies, final text last`);
}
