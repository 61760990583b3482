export { syncCatalogue, describeSiteReport, NothingReadError } from './sync';
export { chooseSites, makeSite } from './sites';
export type { SiteChoice } from './sites';
export { parseIssueTitle, renderIssueFile, toIsoDate, rfc822ToIsoDate, toIssueFileName } from './issue-file';
export { removePendingTempFiles } from './catalogue-files';
export { createHttpClient, parseRetryAfter, SyncError, UnreachableError, USER_AGENT } from './http';
export type { HttpClient, HttpClientOptions, HttpResponse } from './http';
export { parseFeed } from './rss';
export { decodeHtmlEntities, htmlToPlainText } from './html-text';
export { SYNC_TUNING } from './tuning';
export type { SyncTuning } from './tuning';
export { SITE_KINDS } from './types';
export type {
  RawFeedItem,
  RawSubstackArchiveItem,
  RawSubstackPost,
  RawWordPressPost,
  Site,
  SiteKind,
  SiteReport,
  SyncedPost,
  SyncFailure,
  SyncOptions,
  SyncResult,
} from './types';
