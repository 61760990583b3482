import { NextResponse, type NextRequest } from 'next/server';
import { parseSearchParams, SearchParamError } from './lib/search/params';
import { contentSecurityPolicy } from './lib/security';

/** Gives every page request a fresh CSP nonce; Next applies it to its own scripts. */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  // The search page shows why a search could not be read; its status should say so too.
  const status =
    request.nextUrl.pathname === '/' && !isReadableSearch(request.nextUrl.searchParams) ? 400 : 200;
  const response = NextResponse.next({ status, request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

function isReadableSearch(params: URLSearchParams): boolean {
  try {
    parseSearchParams(params);
    return true;
  } catch (error) {
    if (error instanceof SearchParamError) return false;
    throw error;
  }
}

export const config = {
  // Pages only: the API, static files and prefetches carry static headers (next.config.js).
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
