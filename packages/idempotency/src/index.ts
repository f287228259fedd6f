export { canonicalJson, requestFingerprint } from './canonical-json.util';
export {
  CREATE_KEYS_COLLECTION,
  CREATE_KEYS_TIME_FIELD,
  IDEMPOTENCY_KEY_REUSED,
  IdempotentCreates,
  type CreateCaller,
  type CreateSteps,
  type IdempotentCreatesOptions,
} from './idempotent-creates';
