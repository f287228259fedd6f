export { loadPackageDefinition, loadProto } from './proto-loader';
export { METADATA, metadataFromContext, metadataValue, readCallContext } from './call-context';
export type { CallContext } from './call-context';
export {
  ERROR_INFO_KEY,
  FIELD_ERRORS_KEY,
  isServiceError,
  readErrorInfo,
  readFieldErrors,
  StatusError,
} from './status-error';
export type { ErrorInfo, FieldError } from './status-error';
export { domainErrorStatus } from './domain-error-status';
export type { GrpcStatusRule, GrpcStatusTable } from './domain-error-status';
export { unaryHandler, unaryHandlers } from './unary-handler';
export type { UnaryHandlerOptions, UnaryMethods } from './unary-handler';
export { maskedFields, snakeCase, versionFromProto } from './proto-fields';
export { createGrpcServer } from './grpc-server';
export { grpcService } from './grpc-service';
export type { CreateGrpcServerOptions, GrpcServer, GrpcServiceRegistration } from './grpc-server';
export { callUnary, createClient, createTypedClient, DEFAULT_DEADLINE_MS } from './grpc-client';
export type {
  CallUnaryOptions,
  CreateClientOptions,
  MethodNames,
  RequestOf,
  ResponseOf,
  ServiceConstructor,
  TypedClient,
} from './grpc-client';
export { retryInterceptor } from './retry-interceptor';
export type { RetryPolicy } from './retry-interceptor';
export { httpStatusForGrpc } from './http-status';
export { checkHealth } from './health-check';
export type { CheckHealthOptions } from './health-check';
export { OVERLOAD_REASONS, overloadRefusal, overloadStatus } from './overload-status';
