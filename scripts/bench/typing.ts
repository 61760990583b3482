import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { TypingSection } from './types';

const QUERY = 'protein folding';
const KEY_DELAY_MS = 40;

/**
 * Types a query into the search page in a real Chromium, as a person would, and lists every
 * request the page sends to the server from the first key until the results are shown and the
 * page has been scrolled through (links coming into view must not fetch anything).
 */
export async function benchTyping(origin: string): Promise<TypingSection> {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(origin))
        requests.push(`${request.method()} ${request.url().slice(origin.length)}`);
    });
    const box = page.getByRole('searchbox', { name: 'Search every paragraph of Import AI' });
    await box.pressSequentially(QUERY, { delay: KEY_DELAY_MS });
    await page.waitForURL(/q=protein\+folding/);
    await page.getByRole('list', { name: 'Results' }).getByRole('listitem').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(500);
    await page.waitForLoadState('networkidle');
    return { query: QUERY, keyDelayMs: KEY_DELAY_MS, requests };
  } finally {
    await browser.close();
  }
}
