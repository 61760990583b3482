import { pick, seededRandom, type Random } from './random';

/** Query strings (after `?`) that try to break the server: markup, huge or strange input, bad parameters. */
export function hostileQueryStrings(count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const fixed = [
    q('<script>alert(1)</script>'),
    q('"><img src=x onerror=alert(1)>'),
    q('javascript:alert(1)'),
    q('x'.repeat(10_000)),
    q('alphafold '.repeat(1_000)),
    q('"unbalanced quote'),
    q('"""'),
    q('OR'),
    q('-'),
    q('OR OR OR -'),
    q('""'),
    q('topic:'),
    q('year:abcd'),
    q('year:9999..0'),
    q('issue:99999999'),
    q('link:'),
    'q=agents&page=-1',
    'q=agents&page=999999',
    'q=agents&page=1000',
    'q=agents&per=1000',
    'q=agents&per=0',
    'q=agents&sort=bogus',
    'q=agents&q=robots',
    'q=agents&sort=newest&sort=oldest',
    'q=agents&topic=no-such-topic',
    'q=agents&kind=no-such-kind&topic=%3Cscript%3E',
    `q=agents&${Array.from({ length: 30 }, () => 'topic=policy').join('&')}`,
    'q=agents&year=20x4',
    'q=%E0%A4%A',
    'q=%FF%FE',
    'q=%00%00',
    'q=agents&format=xml',
    'q=agents&format=csv',
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++)
    out.push(i < fixed.length ? fixed[i]! : random() < 0.5 ? pick(random, fixed) : q(randomText(random)));
  return out;
}

function q(value: string): string {
  return `q=${encodeURIComponent(value)}`;
}

const ODD_CHARACTERS = [
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '\u200b', // zero-width space
  '\u0000',
  '\u0007',
  '\u001b',
  '\ufeff',
  '\ud83e\udd16', // robot emoji
  '\ud83d\udc69\u200d\ud83d\udd2c', // scientist (ZWJ sequence)
  '\u0645\u0631\u062d\u0628\u0627', // Arabic
  '\u6df1\u5ea6\u5b66\u4e60', // Chinese
  'e\u0301', // combining accent
  '\"',
  '-',
  '*',
  '(',
  ')',
  ':',
  '%',
  '\\',
];

/** A random string of words, odd characters and lone surrogate-free unicode. */
function randomText(random: Random): string {
  const parts: string[] = [];
  const length = 1 + Math.floor(random() * 12);
  for (let i = 0; i < length; i++) {
    const roll = random();
    if (roll < 0.4) parts.push(pick(random, ODD_CHARACTERS));
    else if (roll < 0.7) parts.push(pick(random, ['ai', 'robot', 'OR', 'topic:policy', 'year:2023', '-x']));
    else parts.push(String.fromCodePoint(0x20 + Math.floor(random() * 0x2fff)));
    if (random() < 0.5) parts.push(' ');
  }
  return parts.join('');
}

/** One request of the hostile mix: what an attacker might send, one at a time. */
export interface HostileRequest {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
}

/** 16 quoted pairs of the commonest words (32 words, the limit): more reading than the work budget allows. */
export const COMMON_PHRASES = ['the', 'a']
  .flatMap((word) => ['of', 'in', 'to', 'and', 'on', 'for', 'at', 'with'].map((w) => `"${w} ${word}"`))
  .join(' ');

const many = (key: string, values: readonly (string | number)[]) =>
  values.map((v) => `${key}=${encodeURIComponent(String(v))}`).join('&');

/**
 * A query string that matches nothing and filters on everything it may: 16 "the the" phrases (the
 * 32-word limit) and 20 values of every filter, none of which exists.
 */
export const NOTHING_MATCHES = [
  `q=${encodeURIComponent(Array.from({ length: 16 }, () => '"the the"').join(' '))}`,
  many(
    'topic',
    Array.from({ length: 20 }, (_, i) => `no-topic-${i}`),
  ),
  many(
    'year',
    Array.from({ length: 20 }, (_, i) => 1990 + i),
  ),
  many(
    'issue',
    Array.from({ length: 20 }, (_, i) => 9000 + i),
  ),
  many(
    'kind',
    Array.from({ length: 20 }, (_, i) => `no-kind-${i}`),
  ),
].join('&');

/**
 * The hostile mix timed one request at a time: the requests of the hardening reports (phrase
 * queries of common words, no-result searches with many filters, bad encodings, odd methods and
 * headers, symbol-only queries) plus the heaviest legitimate requests (a 1,000-row export, the
 * largest page of results).
 */
export function hostileRequests(): HostileRequest[] {
  const get = (label: string, path: string, headers?: Record<string, string>): HostileRequest => ({
    label,
    method: 'GET',
    path,
    headers,
  });
  const q = (value: string) => `q=${encodeURIComponent(value)}`;
  return [
    get('search page: 16 "the the" phrases, 20 values of each filter, no results', `/?${NOTHING_MATCHES}`),
    get('API: 16 "the the" phrases, 20 values of each filter, no results', `/api/search?${NOTHING_MATCHES}`),
    get('API: "the the the" ×10 + "a a"', `/api/search?${q(`${'"the the the" '.repeat(10)}"a a"`)}`),
    get('API: "of the" ×16', `/api/search?${q('"of the" '.repeat(16).trim())}`),
    get('search page: "of the" ×16', `/?${q('"of the" '.repeat(16).trim())}`),
    get('API: 16 different phrases of common words (the work budget)', `/api/search?${q(COMMON_PHRASES)}`),
    get('search page: 16 different phrases of common words', `/?${q(COMMON_PHRASES)}`),
    get('API: export of 1,000 rows for "the" (CSV)', `/api/search?${q('the')}&format=csv`),
    get('API: 100 results for "the"', `/api/search?${q('the')}&per=100`),
    get('API: q=😀', `/api/search?${q('😀')}`),
    get('API: q="""', `/api/search?${q('"""')}`),
    get('API: q=- - -', `/api/search?${q('- - -')}`),
    get('API: q=OR OR', `/api/search?${q('OR OR')}`),
    get(
      'API: Markdown export of a q with newlines and ---',
      `/api/search?${q('ai\n---\nhttp://x.example')}&format=md`,
    ),
    get('API: format=csv&format=csv', `/api/search?${q('ai')}&format=csv&format=csv`),
    get('/issues/%ff', '/issues/%ff'),
    get('/issues/%', '/issues/%'),
    get('/api/issues/%ff', '/api/issues/%ff'),
    get('/topics/%E0%A4%A', '/topics/%E0%A4%A'),
    get('/issues/226/%ED%A0%80', '/issues/226/%ED%A0%80'),
    get('/api/nonexistent', '/api/nonexistent'),
    get('/api/%73earch', '/api/%73earch'),
    { label: 'TRACE /', method: 'TRACE', path: '/' },
    { label: 'POST /api/issues', method: 'POST', path: '/api/issues' },
    get('Host: a:99999, CSV export', `/api/search?${q('tpu')}&format=csv`, { Host: 'a:99999' }),
    get('Host: 1.2.3.256, issue page', '/issues/226', { Host: '1.2.3.256' }),
    get('X-Forwarded-Host: evil.example, issue page', '/issues/226', { 'X-Forwarded-Host': 'evil.example' }),
    ...hostileQueryStrings(40).map((query, i) =>
      get(`API: hostile query string #${i + 1}`, `/api/search?${query}`),
    ),
  ];
}
