export { DomainError, hasErrorCode, invalidMessage } from './domain-error';
export type { DomainFieldError } from './domain-error';
