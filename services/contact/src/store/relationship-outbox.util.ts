// Relationship stores use the bus's outbox write; kept as a module so they import one name.
export { isDuplicateKeyError as isDuplicateKey, writeThroughOutbox } from '@kith/bus';
