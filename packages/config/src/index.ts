export { ConfigError } from './config-error';
export { loadConfig } from './load-config';
export { sensitive } from './sensitive';
export { describeConfig, redactConfig } from './describe-config';
export type { ConfigVarDescription } from './describe-config';
export {
  commonConfigShape,
  consumerConfigShape,
  kafkaConfigShape,
  mongoConfigShape,
} from './common-config';
export { renderConfigTable } from './config-docs';
export { serviceSettings } from './service-settings';
