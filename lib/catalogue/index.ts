export { loadCatalogue, loadIssueFiles, buildCatalogue, isIssueFileName, MAX_ISSUE_BYTES } from './load';
export type { Catalogue, CatalogueReport, SourceFile } from './load';
export { parseIssueFile } from './parse-issue';
export { detectFormat } from './formats/detect';
export { CatalogueError } from './errors';
export * from './model';
