import { buildCatalogue } from './lib/catalogue';
const f = (name: string, s: string) => ({ name, content: Buffer.from(s) });
const c = buildCatalogue([
  f('a.md', '---\ntitle: "Import AI 907: Unclosed quote\ndate: 2031-01-01\n---\n\nBody text here.\n'),
  f('b.md', '---\ntitle: Import AI 908: colon: again\n---\n\nBody.\n'),
  f('c.md', '---\ntitle: "Import AI 909"\n\nNo closing fence.\n'),
  f('d.md', '---\n- a\n- b\n---\n\nBody.\n'),
  f('e.md', '---\ntitle: [unclosed\n---\n\nBody.\n'),
  f(
    'g.md',
    '---\ntitle: "A newsletter about robots"\n---\n\n**Robots:**  \n_…dek…_  \nBody **one** _two_.\n',
  ),
  f('h.md', '# Notes from the lab\n\nSome text.\n'),
  f('i.md', '---\ntitle: "Import AI 910: Nothing"\n---\n\n'),
  f('j.md', '   \n\n  '),
  f('k.md', Buffer.from([0xff, 0xfe, 0x41]).toString('latin1')),
]);
console.log(JSON.stringify(c.report, null, 1));
const k = buildCatalogue([{ name: 'k.md', content: Buffer.from([0x49, 0x6d, 0xff, 0xfe, 0x41]) }]);
console.log(k.report.rejected);
