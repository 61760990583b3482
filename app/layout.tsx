import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { requestOrigin } from '@/lib/request-origin';
import { SiteFooter, SiteHeader } from '@/components/layout/site-header';
import './globals.css';

/** Absolute canonical and share URLs use the origin the request came to. */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(requestOrigin(await headers())),
    title: { default: 'Import AI Search', template: '%s · Import AI Search' },
    description: 'Search every paragraph of Import AI, Jack Clark’s weekly newsletter about AI.',
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b0f14' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-zinc-50 text-zinc-900 antialiased dark:bg-[#0b0f14] dark:text-zinc-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow dark:focus:bg-zinc-900"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
