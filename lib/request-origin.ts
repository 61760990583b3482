import { siteUrl } from './config';

const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$/i;
const IPV6_HOST = /^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

/**
 * The origin the client used (for absolute links in exports and metadata): the forwarded or Host
 * header when it is a plain host name, otherwise SITE_URL. Header values are validated so a
 * forged Host cannot smuggle anything into a link.
 */
export function requestOrigin(headers: { get(name: string): string | null }): string {
  const forwardedHost = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const host = forwardedHost || headers.get('host')?.trim() || '';
  if (!HOST.test(host) && !IPV6_HOST.test(host)) return siteUrl();
  const forwardedProto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : 'http';
  return `${proto}://${host}`;
}
