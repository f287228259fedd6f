export {
  MAX_PAGE_TOKEN_LENGTH,
  PAGE_TOKEN_PATTERN,
  isUuidPosition,
  pageTokens,
  scopeFingerprint,
} from './page-token';
export type { DecodedPageToken, PageTokenCodec, PageTokenOptions } from './page-token';
export { PAGE_SIZE_LIMITS, buildPage, nextPageToken, parsePageRequest } from './page-request';
export type {
  PageFieldError,
  PageLimits,
  PageRequestInput,
  ParsedPageRequest,
} from './page-request';
