// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The catalogue and index artefacts are read from INDEX_DIR at run time, never bundled.
  serverExternalPackages: ['flexsearch'],
};

module.exports = nextConfig;
