/**
 * An author bio, recognised by its shape rather than its words: a person's name (two to four capitalised
 * words, particles such as "de", "van" or "bin" between them), then, in the third person, what the person is
 * or does: "is a/an/the ... <role>", "has been a <role>", "was a <role>", or a verb of the trade ("covers",
 * "writes about", "reports on"...). The role is a class of words (writer, journalist, editor, reporter,
 * correspondent, columnist, critic, author, producer, photographer, researcher...), not an example's phrase.
 * Where it stands (after the body's end) is the caller's evidence; this says whether the block has the shape.
 */

const NAME_PART = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’.-]*`;
const PARTICLE = String.raw`(?:de|da|di|du|del|della|der|den|van|von|la|le|dos|das|bin|ibn|al|el|ter|ten|zu|y)`;
const NAME = String.raw`(${NAME_PART}(?:\s+(?:${PARTICLE}\s+)*${NAME_PART}){1,3})`;
const ROLE = String.raw`(?:writer|journalist|editor|reporter|correspondent|columnist|critic|author|contributor|freelancer|producer|photographer|photojournalist|blogger|novelist|poet|essayist|analyst|researcher|scientist|professor|lecturer|historian|economist|commentator|broadcaster|presenter|host|podcaster|illustrator|filmmaker|documentarian|translator|copywriter|storyteller|reviewer|anchor|newsreader|staffer|fellow|intern)s?`;
/** "<Name> is a|an|the <up to 12 words> <role>", "has been", "was", "works as", "serves as". */
const IS_A_ROLE = new RegExp(String.raw`^${NAME},?\s+(?:is|was|has\s+been|works\s+as|serves\s+as|is\s+currently)\s+(?:a|an|the|one\s+of\s+the|our|\p{Ll}+)\b(?:\s+[\p{L}\p{N}'’&,-]+){0,12}?(?<!\bof)\s+${ROLE}\b`, 'u');
/** "<Name> covers / writes about / reports on ..." */
const DOES_THE_TRADE = new RegExp(String.raw`^${NAME},?\s+(?:covers|writes(?:\s+about|\s+on|\s+for)?|reports(?:\s+on|\s+for)?|edits|reviews|contributes\s+to|has\s+(?:written|reported|covered))\b`, 'u');

/** The name a bio-shaped block is about, or null when the block does not have the shape. */
export function bioName(text: string): string | null {
  const match = IS_A_ROLE.exec(text) ?? DOES_THE_TRADE.exec(text);
  return match ? match[1]! : null;
}
