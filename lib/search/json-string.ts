/**
 * Characters JSON.stringify would escape in a string: the quote, the backslash, control characters
 * and (as lone surrogates) any half of a surrogate pair. A snippet is escaped HTML, so it rarely
 * holds one (a quote is `&quot;`), and is then quoted as it is: calling JSON.stringify for each of
 * a response's 60 snippets cost more than writing them.
 */
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Whether `JSON.stringify(text)` would escape anything in it. */
export function needsJsonEscape(text: string): boolean {
  return NEEDS_JSON_ESCAPE.test(text);
}

/** `JSON.stringify(text)`, without the call for text with nothing to escape. */
export function jsonString(text: string): string {
  return needsJsonEscape(text) ? JSON.stringify(text) : `"${text}"`;
}
