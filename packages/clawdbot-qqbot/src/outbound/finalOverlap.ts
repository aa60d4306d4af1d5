/**
 * Some hosts deliver a turn's final answer as the whole text again after streaming it as blocks
 * (OpenClaw 2026.7.35 does; 2026.9.6 repeats the last blocks). This finds how the final text
 * relates to the blocks already sent or held: when it begins with one of them and then carries
 * the following ones to the last in order (whitespace ignored, gaps allowed), the result is the final text from
 * where the sent blocks end, and the index of the first held block it carries (held blocks from
 * there on need not go out on their own). `undefined` when the final text is new text, to be sent
 * as it is. Blocks must not be empty.
 */
export function finalBeyondBlocks(
  finalText: string,
  sent: readonly string[],
  held: readonly string[],
): { readonly text: string; readonly heldFrom: number } | undefined {
  const blocks = [...sent, ...held].map((block) => block.replace(/\s+/gu, ''));
  if (blocks.length === 0 || blocks.some((block) => block.length === 0)) return undefined;
  // The final text without whitespace, and where each of its characters sits in the original.
  const positions: number[] = [];
  let squeezed = '';
  for (let i = 0; i < finalText.length; i++) {
    const char = finalText[i] ?? '';
    if (/\s/u.test(char)) continue;
    squeezed += char;
    positions.push(i);
  }
  const sentCount = sent.length;
  for (let first = 0; first < blocks.length; first++) {
    let at = 0;
    let sentEnd = 0;
    let matched = true;
    for (let i = first; i < blocks.length; i++) {
      const block = blocks[i] ?? '';
      // The final text must begin with the first repeated block; later ones follow in order, with
      // gaps allowed (2026.7's blocks can leave out a few characters at their seams).
      const found = i === first ? (squeezed.startsWith(block) ? 0 : -1) : squeezed.indexOf(block, at);
      if (found < 0) {
        matched = false;
        break;
      }
      at = found + block.length;
      if (i < sentCount) sentEnd = (positions[at - 1] ?? -1) + 1;
    }
    if (matched) return { text: finalText.slice(sentEnd).trim(), heldFrom: Math.max(0, first - sentCount) };
  }
  return undefined;
}
