import { expect, test, type APIRequestContext } from '@playwright/test';
import { COMMON_PHRASES, NOTHING_MATCHES } from '../lib/bench/hostile';
import { ISSUE, resultsHeading } from './support';

/**
 * Searches that cost the server far more than one search, or answered as if empty, through HTTP
 * against the production server: each is now answered in one bounded pass, and says so when it
 * stopped early or had nothing to search for.
 */

const q = (value: string) => `q=${encodeURIComponent(value)}`;
const repeat = (phrase: string, times: number) => Array.from({ length: times }, () => phrase).join(' ');

/** No result, but dropping the year gives the issue's tale: issue 226 is from 2020. */
const ONE_FILTER_TOO_MANY = `q=the&issue=${ISSUE}&year=1999&kind=tech-tales`;

interface Answer {
  total: number;
  stories: number;
  results: { id: string }[];
  withoutFilter?: Record<string, number>;
  truncated?: boolean;
  warnings?: string[];
}

async function search(request: APIRequestContext, query: string): Promise<Answer> {
  const response = await request.get(`/api/search?${query}`);
  expect(response.status(), query).toBe(200);
  return (await response.json()) as Answer;
}

test.describe('a search with no results and many filters', () => {
  test('says what dropping each filter would give, as the search without it finds', async ({ request }) => {
    for (const query of [NOTHING_MATCHES, ONE_FILTER_TOO_MANY]) {
      const answer = await search(request, query);
      expect(answer.total).toBe(0);
      const params = new URLSearchParams(query);
      for (const facet of ['topic', 'year', 'issue', 'kind']) {
        if (!params.has(facet)) {
          expect(answer.withoutFilter?.[facet]).toBeUndefined();
          continue;
        }
        const without = new URLSearchParams(params);
        without.delete(facet);
        expect(answer.withoutFilter?.[facet], `${query}: without ${facet}`).toBe(
          (await search(request, without.toString())).stories,
        );
      }
    }
  });

  test('the search page offers the filter to drop with that count', async ({ page, request }) => {
    const { withoutFilter } = await search(request, ONE_FILTER_TOO_MANY);
    const count = withoutFilter!.year!;
    expect(count).toBeGreaterThan(0);
    await page.goto(`/?${ONE_FILTER_TOO_MANY}`);
    await expect(page.getByText('Nothing matches this search.')).toBeVisible();
    const offer = page.getByRole('listitem').filter({ hasText: 'Drop the year 1999' });
    const link = offer.getByRole('link', { name: `${count} ${count === 1 ? 'result' : 'results'}` });
    await expect(link).toBeVisible();
    const href = new URL((await link.getAttribute('href'))!, 'http://x');
    expect(href.searchParams.getAll('year')).toEqual([]);
    expect(href.searchParams.get('issue')).toBe(String(ISSUE));
    expect(href.searchParams.get('kind')).toBe('tech-tales');
  });

  test('the search page answers without holding up other requests', async ({
    request,
    playwright,
    baseURL,
  }) => {
    // The page used to run one full search per filter value (80 here) to suggest what to drop,
    // holding the server for 7–34 s while this probe waited. It now makes one pass (about 0.1–0.3 s).
    // A wall-clock bound is the only way to see a stall from outside; it is generous, many times
    // what the page now takes on a busy machine and well below what it took before.
    const probeContext = await playwright.request.newContext({ baseURL });
    try {
      const hostile = request.get(`/?${NOTHING_MATCHES}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      const probe = await probeContext.get('/api/search?q=tpu');
      const waited = Date.now() - started;
      expect(probe.status()).toBe(200);
      expect(waited).toBeLessThan(5_000);
      const response = await hostile;
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain('Nothing matches this search.');
    } finally {
      await probeContext.dispose();
    }
  });
});

test.describe('phrase queries of common words', () => {
  test('a phrase repeated up to the word limit is read once, and answered in full', async ({ request }) => {
    const once = await search(request, q('"of the"'));
    const repeated = await search(request, q(repeat('"of the"', 16)));
    expect(repeated.truncated).toBeUndefined();
    expect([repeated.total, repeated.stories]).toEqual([once.total, once.stories]);
    expect(repeated.results.map((r) => r.id)).toEqual(once.results.map((r) => r.id));

    const mixed = await search(request, q(`${repeat('"the the the"', 10)} "a a"`));
    const distinct = await search(request, q('"the the the" "a a"'));
    expect(mixed.truncated).toBeUndefined();
    expect([mixed.total, mixed.stories]).toEqual([distinct.total, distinct.stories]);
  });

  test('a query of many different common phrases stops at the work budget and says so', async ({
    request,
  }) => {
    // Only the full archive holds enough words for 16 phrases to reach the budget.
    test.skip((await search(request, 'q=the')).total < 2_000, 'needs the full archive');
    const answer = await search(request, q(COMMON_PHRASES));
    expect(answer.truncated).toBe(true);
    expect(answer.warnings).toContainEqual(expect.stringMatching(/^the search stopped early: /));
    // What it read before stopping still matches.
    expect(answer.results.length).toBeGreaterThan(0);
  });
});

test.describe('a query with no word to search for', () => {
  for (const text of ['😀', '"""', '- - -', 'OR OR']) {
    test(`${text} matches nothing and says why, on the API and the page`, async ({ request, page }) => {
      const answer = await search(request, q(text));
      expect([answer.total, answer.results]).toEqual([0, []]);
      const warning = `${JSON.stringify(text)} has no word to search for, so nothing matches`;
      expect(answer.warnings).toEqual([warning]);
      await page.goto(`/?${q(text)}`);
      await expect(resultsHeading(page)).toHaveText('No matching stories');
      await expect(page.getByText(warning)).toBeVisible();
    });
  }
});
