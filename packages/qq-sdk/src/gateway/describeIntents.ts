import { Intents } from '../events/Intents.js';

/**
 * Explains an intents bitfield for a 4013/4014 error: the names, which of them need approval on
 * the QQ Open Platform console (the likely culprits of a 4014), and any unknown bits (a 4013).
 *
 * @internal
 */
export function describeIntents(bitfield: number): string {
  const intents = Intents.fromBitfield(bitfield);
  const names = intents.names();
  const parts = [`${bitfield} (${names.length > 0 ? names.join(' | ') : 'none'})`];
  const privileged = intents.privileged();
  if (privileged.length > 0) parts.push(`intents that must be granted to this bot: ${privileged.join(', ')}`);
  if (intents.unknownBits !== 0) parts.push(`unknown bits: 0x${intents.unknownBits.toString(16)}`);
  return parts.join('; ');
}
