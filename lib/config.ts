import path from 'node:path';

/** Settings read from the environment, with their defaults, in one place. */
export const DEFAULT_CATALOGUE_DIR = 'data/issues';
export const DEFAULT_INDEX_DIR = '.index';
export const DEFAULT_SITE_URL = 'http://localhost:3000';
export const DEFAULT_SUBSTACK_URL = 'https://importai.substack.com';
export const DEFAULT_WORDPRESS_URL = 'https://jack-clark.net';

/** Where raw issue files are read from (`CATALOGUE_DIR`). */
export function catalogueDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.CATALOGUE_DIR || DEFAULT_CATALOGUE_DIR);
}

/** Where the build writes, and the server reads, the catalogue and index artefacts (`INDEX_DIR`). */
export function indexDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.INDEX_DIR || DEFAULT_INDEX_DIR);
}

/** The public origin used in canonical URLs and share metadata when a request does not say (`SITE_URL`). */
export function siteUrl(): string {
  return (process.env.SITE_URL || DEFAULT_SITE_URL).replace(/\/+$/, '');
}

/** The publishers' sites `npm run sync` reads (`SUBSTACK_URL`, `WORDPRESS_URL`: base URLs, no path). */
export function publisherUrls(): { substack: string; wordpress: string } {
  return {
    substack: process.env.SUBSTACK_URL || DEFAULT_SUBSTACK_URL,
    wordpress: process.env.WORDPRESS_URL || DEFAULT_WORDPRESS_URL,
  };
}

/**
 * Whether a reverse proxy in front of the server sets `X-Forwarded-Host` and `-Proto`
 * (`TRUST_PROXY=1`). Off by default: without a proxy that overwrites them, any client could send
 * them and point canonical and exported links at another site.
 */
export function trustProxy(): boolean {
  return process.env.TRUST_PROXY === '1';
}
