import { loadCatalogue } from './lib/catalogue';
const dir = '/work/shared/corpus';
const BP = [
  /^welcome to import ai/i,
  /^subscribe( now)?\b/i,
  /^thanks for reading/i,
  /unsubscribe/i,
  /mailchimp/i,
  /view this email in your browser/i,
  /^(like|loading\.*|related|share)$/i,
  /our mailing address/i,
  /copyright ©/i,
];
const MK = [/\*\*/, /\\\*/, /####/, /^_ /, /\]\(http/];
loadCatalogue(dir).then((c) => {
  for (const i of c.issues)
    for (const s of i.stories)
      for (const p of s.paragraphs) {
        for (const r of [...BP, ...MK])
          if (r.test(p.text)) console.log(i.number, String(r), JSON.stringify(p.text.slice(0, 160)));
      }
  const i226 = c.issues.find((i) => i.number === 226)!;
  for (const s of i226.stories) console.log(s.kind, s.topics, '|', s.title, '|', s.dek, s.paragraphs.length);
  for (const i of c.issues)
    for (const s of i.stories) {
      if ((s.kind === 'tech-tales') !== s.topics.includes('fiction'))
        console.log('FIC', i.number, s.kind, s.topics, s.title);
      if (s.kind === 'tech-tales' && s.topics.length !== 1) console.log('FIC2', i.number, s.title);
    }
  console.log(
    c.issues
      .filter((i) => !i.stories.some((s) => s.kind === 'tech-tales'))
      .map((i) => i.number)
      .join(' '),
  );
});
