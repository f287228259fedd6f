export { DomainError, hasErrorCode, invalidMessage } from './domain-error';
export type { DomainFieldError } from './domain-error';
export { ResourceError } from './resource-error';
export type { ResourceErrorClass } from './resource-error';
