import { siteUrl, trustProxy } from './config';

const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$/i;
const IPV6_HOST = /^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

/**
 * The origin the client used (for absolute links in exports and metadata): the Host header, or
 * the `X-Forwarded-Host`/`-Proto` headers when the operator says a proxy sets them (`TRUST_PROXY=1`:
 * anyone else could send them). A host that is not a plain name, or that no URL can hold (port
 * 99999, address 1.2.3.256), gives `SITE_URL` instead, so every page keeps its metadata.
 */
export function requestOrigin(headers: { get(name: string): string | null }): string {
  const proxied = trustProxy();
  const forwardedHost = proxied ? firstValue(headers.get('x-forwarded-host')) : undefined;
  const host = forwardedHost || headers.get('host')?.trim() || '';
  if (!HOST.test(host) && !IPV6_HOST.test(host)) return siteUrl();
  const forwardedProto = proxied ? firstValue(headers.get('x-forwarded-proto'))?.toLowerCase() : undefined;
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : 'http';
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return siteUrl();
  }
}

function firstValue(header: string | null): string | undefined {
  return header?.split(',')[0]?.trim();
}
