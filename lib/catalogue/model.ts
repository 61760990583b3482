import { z } from 'zod';

/** The raw shapes the catalogue can read, recognised by content rather than file name. */
export const SOURCE_FORMATS = [
  'mailchimp-text',
  'substack-markdown',
  'site-markdown',
  'page-capture',
  'html',
] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const STORY_KINDS = ['news', 'policy-column', 'tech-tales', 'editorial'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];

/** How each kind of story is named in the interface. */
export const STORY_KIND_LABELS: Record<StoryKind, string> = {
  news: 'News',
  'policy-column': 'Policy column',
  'tech-tales': 'Tech Tales',
  editorial: 'Editorial',
};

export const PARAGRAPH_ROLES = ['body', 'why-this-matters', 'read-more'] as const;
export type ParagraphRole = (typeof PARAGRAPH_ROLES)[number];

/** How an issue's date was established. */
export const DATE_BASES = ['stated', 'linked', 'estimated'] as const;
export type DateBasis = (typeof DATE_BASES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');
const httpUrl = z.string().regex(/^https?:\/\/\S+$/i, 'expected an http(s) URL');

export const linkSchema = z.object({
  /** The link's visible text, plain. */
  text: z.string(),
  /** An absolute http(s) URL. */
  href: httpUrl,
});
export type Link = z.infer<typeof linkSchema>;

export const paragraphSchema = z.object({
  /** Permanent id, unique within the issue (`p-` + hash of the normalised text); also the URL fragment. */
  id: z.string().regex(/^p-[0-9a-f]{6,}(?:-\d+)?$/),
  /** Plain text, whitespace collapsed. */
  text: z.string().min(1),
  /** Safe inline HTML: only `<a href="http(s)…">`, `<strong>`, `<em>`, `<del>` and `<code>`, text escaped. */
  html: z.string().min(1),
  /** Every link in the paragraph, in order. */
  links: z.array(linkSchema),
  /** What the paragraph does in its story. */
  role: z.enum(PARAGRAPH_ROLES),
});
export type Paragraph = z.infer<typeof paragraphSchema>;

export const storySchema = z.object({
  /** Permanent id, unique within the issue (`s-` + hash of the normalised headline). */
  id: z.string().regex(/^s-[0-9a-f]{6,}(?:-\d+)?$/),
  /** The headline, plain text (for Tech Tales: the story's own title). */
  title: z.string().min(1),
  /** The italic one-line summary under the headline (`…dek…`), without the ellipses; may be empty. */
  dek: z.string(),
  kind: z.enum(STORY_KINDS),
  /** Topic slugs from the taxonomy (`lib/topics/taxonomy.ts`). */
  topics: z.array(z.string()),
  paragraphs: z.array(paragraphSchema).min(1),
});
export type Story = z.infer<typeof storySchema>;

export const issueSchema = z.object({
  /** The issue number, from the title ("Import AI 226: …"). */
  number: z.number().int().positive(),
  /** The full title, e.g. "Import AI 226: AlphaFold; a Chinese GPT2; Google fires Timnit Gebru". */
  title: z.string().min(1),
  /** Publication date (ISO). When `dateBasis` is `estimated` it is a best estimate. */
  date: isoDate,
  /** `stated` by the file itself, `linked` from a dated permalink in the archive, or `estimated`. */
  dateBasis: z.enum(DATE_BASES),
  /** The original publication URL (Substack or jack-clark.net), when known; empty otherwise. */
  url: z.union([httpUrl, z.literal('')]),
  /** Where the issue was read from. */
  source: z.object({ file: z.string(), format: z.enum(SOURCE_FORMATS) }),
  stories: z.array(storySchema).min(1),
});
export type Issue = z.infer<typeof issueSchema>;
