import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Import AI Search', template: '%s · Import AI Search' },
  description: 'Search every paragraph of Import AI, Jack Clark’s weekly newsletter about AI.',
};

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
      <body className="bg-white text-zinc-900 antialiased dark:bg-[#0b0f14] dark:text-zinc-100">
        {children}
      </body>
    </html>
  );
}
