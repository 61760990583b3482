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
