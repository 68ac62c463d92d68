/**
 * Characters that change how text shows rather than what it says: C0
 * controls (line breaks and tabs included), DEL, C1 controls, the Unicode
 * line and paragraph separators, and the bidirectional marks, embeddings,
 * overrides and isolates. In a terminal, ESC and the C1 CSI start escape
 * sequences that can set the window title, clear the screen or fake output;
 * bidi overrides reorder what a reader sees in the app as well.
 */
const CONTROL_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'gu');

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/**
 * Replaces every control character (see above) with its `\uXXXX` escape, so
 * the text prints as one inert line. The escape is also valid inside a JSON
 * string, so the result of `JSON.stringify` stays valid JSON.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
