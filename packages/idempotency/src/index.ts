export { canonicalJson, requestFingerprint } from './canonical-json.util';
export {
  CREATE_KEYS_COLLECTION,
  CREATE_KEYS_RETENTION_MS,
  CREATE_KEYS_TIME_FIELD,
  createKeysPruning,
  IDEMPOTENCY_KEY_REUSED,
  IdempotentCreates,
  type CreateCaller,
  type CreateSteps,
  type IdempotentCreatesOptions,
} from './idempotent-creates';
