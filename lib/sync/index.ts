export {
  syncCatalogue,
  parseIssueTitle,
  renderIssueFile,
  toIsoDate,
  toIssueFileName,
  DEFAULT_BASE_URLS,
} from './sync';
export { createHttpClient, parseRetryAfter, SyncError, UnreachableError, USER_AGENT } from './http';
export type { HttpClient, HttpClientOptions, HttpResponse } from './http';
export { listSubstackArchive, fetchSubstackBody, SUBSTACK_BASE_URL } from './substack';
export { listWordPressArchive, decodeHtmlEntities, htmlToPlainText, WORDPRESS_BASE_URL } from './wordpress';
export { SYNC_SOURCES } from './types';
export type {
  ArchivePage,
  ListedPost,
  RawSubstackArchiveItem,
  RawSubstackPost,
  RawWordPressPost,
  SyncedPost,
  SyncFailure,
  SyncOptions,
  SyncResult,
  SyncSource,
  UnlistablePost,
} from './types';
