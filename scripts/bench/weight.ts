import { gzipSync } from 'node:zlib';
import type { PageWeight } from './types';

export interface ScriptTag {
  /** Absolute URL. */
  src: string;
  /** `<script nomodule>`: only browsers without ES modules download it (Next's polyfills). */
  noModule: boolean;
}

/** Every `<script src>` of a page, resolved against the page, without duplicates. */
export function scriptTags(html: string, pageUrl: string): ScriptTag[] {
  const tags = new Map<string, ScriptTag>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const match = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const src = (match?.[1] ?? match?.[2] ?? '').replace(/&amp;/g, '&');
    if (!src) continue;
    const url = new URL(src, pageUrl).toString();
    tags.set(url, { src: url, noModule: /\snomodule\b/i.test(tag) });
  }
  return [...tags.values()];
}

async function fetchBytes(url: string): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

/**
 * The HTML and the JavaScript a page loads, raw and gzipped (node:zlib, default level). The JS
 * totals count what a current browser downloads; `nomodule` scripts are counted apart.
 */
export async function measurePage(origin: string, pagePath: string): Promise<PageWeight> {
  const url = new URL(pagePath, origin).toString();
  const page = await fetchBytes(url);
  const scriptSizes: PageWeight['scriptSizes'] = [];
  for (const { src, noModule } of scriptTags(page.body.toString('utf8'), url)) {
    const { status, body } = await fetchBytes(src);
    if (status !== 200) throw new Error(`bench: ${src} (loaded by ${pagePath}) answered ${status}`);
    scriptSizes.push({
      src: new URL(src).pathname,
      noModule,
      bytes: body.length,
      gzipBytes: gzipSync(body).length,
    });
  }
  scriptSizes.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const loaded = scriptSizes.filter((s) => !s.noModule);
  return {
    path: pagePath,
    status: page.status,
    htmlBytes: page.body.length,
    htmlGzipBytes: gzipSync(page.body).length,
    scripts: loaded.length,
    jsBytes: loaded.reduce((sum, s) => sum + s.bytes, 0),
    jsGzipBytes: loaded.reduce((sum, s) => sum + s.gzipBytes, 0),
    noModuleGzipBytes: scriptSizes.filter((s) => s.noModule).reduce((sum, s) => sum + s.gzipBytes, 0),
    scriptSizes,
  };
}
