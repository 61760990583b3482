import YAML from 'yaml';
import { CatalogueError } from './errors';

export interface FrontMatter {
  /** Parsed YAML keys; empty when the file has no front matter. */
  data: Record<string, unknown>;
  /** The document after the front matter. */
  body: string;
  /** Whether the file opened with a `---` front matter block. */
  present: boolean;
}

/** Splits a leading `---` YAML block from the document. Broken YAML is an error, not an empty record. */
export function splitFrontMatter(source: string): FrontMatter {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) {
    if (/^\uFEFF?---[ \t]*\r?\n/.test(source)) {
      throw new CatalogueError('broken front matter: the opening "---" is never closed');
    }
    return { data: {}, body: source, present: false };
  }
  let data: unknown;
  try {
    data = YAML.parse(match[1] ?? '', { prettyErrors: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CatalogueError(`broken front matter: ${reason}`);
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new CatalogueError('broken front matter: expected "key: value" pairs');
  }
  return {
    data: (data ?? {}) as Record<string, unknown>,
    body: source.slice(match[0].length),
    present: true,
  };
}

/** A string-valued key of the front matter, trimmed; nested keys with dots (`structured_data.headline`). */
export function frontMatterString(data: Record<string, unknown>, key: string): string {
  let value: unknown = data;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[part];
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value.trim() : '';
}
