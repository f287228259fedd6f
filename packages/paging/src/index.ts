export { isUuidPosition, pageTokens, scopeFingerprint } from './page-token';
export type { DecodedPageToken, PageTokenCodec, PageTokenOptions } from './page-token';
export { buildPage, nextPageToken, parsePageRequest } from './page-request';
export type {
  PageFieldError,
  PageLimits,
  PageRequestInput,
  ParsedPageRequest,
} from './page-request';
