/**
 * Security headers. Pages get a per-request nonce-based Content-Security-Policy (Next needs inline
 * scripts for hydration, and a nonce is what lets those and nothing else run); every response also gets
 * the static headers set in next.config.js (which cannot import TypeScript).
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
