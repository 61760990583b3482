import { loadCatalogue } from './lib/catalogue';
import { readFileSync } from 'node:fs';
const dir = '/work/shared/corpus';
const rows = readFileSync(dir + '/SOURCES.tsv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));
loadCatalogue(dir).then((c) => {
  for (const r of rows) {
    const i = c.issues.find((x) => x.number === Number(r[1]));
    if (!i) {
      console.log('missing', r[1]);
      continue;
    }
    if (r[3]) {
      const d = Math.abs(Date.parse(i.date) - Date.parse(r[3]!)) / 864e5;
      if (d > 0) console.log(r[1], r[3], i.date, i.dateBasis, d);
    }
  }
  console.log(c.issues.map((i) => `${i.number}:${i.date}:${i.dateBasis[0]}`).join(' '));
});
