export { createLogger } from './logger';
export type { CreateLoggerOptions, Logger } from './logger';
export { REDACT_PATHS } from './redact-paths';
