/**
 * Newsletter furniture that is not content. Each rule is anchored to a whole paragraph (or its
 * start), so a story that merely mentions "subscribe" is never touched.
 */
const BOILERPLATE: RegExp[] = [
  /^welcome to import ai\b/i,
  /^(please )?subscribe( now| here| to import ai)?[.!]?$/i,
  /^(share|share this post|leave a comment|like|like this:?|loading\.*|related|reblog|comment|follow)$/i,
  /^view this (email|post) in your (browser|web browser)\.?$/i,
  /^forward this email\b/i,
  /^(twitter|facebook|website|linkedin|email)$/i,
  /^copyright ©/i,
  /^you are receiving this email\b/i,
  /^our mailing address is:?$/i,
  /^(import ai|many gpus|oakland, california \d+)$/i,
  /^add us to your address book$/i,
  /^want to change how you receive these emails\??$/i,
  /^you can update your preferences or unsubscribe\b/i,
  /^email marketing powered by mailchimp$/i,
  /^(source|original|canonical):\s*https?:\/\/\S+$/i,
  /^(type your email|no thanks|continue reading|read in app|upgrade to paid|share import ai)\b/i,
  /^import ai is a reader-supported publication\b/i,
];

export function isBoilerplate(text: string): boolean {
  const trimmed = text.trim();
  return BOILERPLATE.some((rule) => rule.test(trimmed));
}

/** The sign-off: this paragraph and everything after it is the email's or page's footer. */
export function isSignOff(text: string): boolean {
  return /^thanks for reading\b/i.test(text.trim());
}
