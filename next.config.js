// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const securityHeaders = require('./lib/security-headers.json');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The catalogue and index artefacts are read from INDEX_DIR at run time, never bundled.
  serverExternalPackages: ['flexsearch'],
  // Security headers on every response; pages also get a nonce-based CSP from proxy.ts.
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders.all },
      { source: '/api/:path*', headers: securityHeaders.api },
    ];
  },
};

module.exports = nextConfig;
