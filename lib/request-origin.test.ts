import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestOrigin } from './request-origin';

function headers(values: Record<string, string>) {
  return { get: (name: string) => values[name.toLowerCase()] ?? null };
}

describe('requestOrigin', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    ['search.example.org', 'http://search.example.org'],
    ['127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['[::1]:3000', 'http://[::1]:3000'],
  ])('uses a plain Host header (%s)', (host, origin) => {
    expect(requestOrigin(headers({ host }))).toBe(origin);
  });

  it.each(['a:99999', '1.2.3.256', '[1.2.3.4]', 'evil.example/path', '', 'a b'])(
    'falls back to SITE_URL for a Host no URL can hold (%j)',
    (host) => {
      vi.stubEnv('SITE_URL', 'https://search.example.org/');
      expect(requestOrigin(headers({ host }))).toBe('https://search.example.org');
    },
  );

  it('ignores X-Forwarded-Host and -Proto unless TRUST_PROXY=1', () => {
    const forwarded = headers({
      host: 'internal:3000',
      'x-forwarded-host': 'search.example.org',
      'x-forwarded-proto': 'https',
    });
    expect(requestOrigin(forwarded)).toBe('http://internal:3000');
    vi.stubEnv('TRUST_PROXY', '1');
    expect(requestOrigin(forwarded)).toBe('https://search.example.org');
  });

  it('falls back to SITE_URL when a trusted proxy forwards an unusable host', () => {
    vi.stubEnv('TRUST_PROXY', '1');
    vi.stubEnv('SITE_URL', 'https://search.example.org');
    expect(requestOrigin(headers({ host: 'internal', 'x-forwarded-host': 'a:99999' }))).toBe(
      'https://search.example.org',
    );
  });
});
