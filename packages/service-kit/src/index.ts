export { startService } from './start-service';
export type {
  RunningService,
  ServiceInfra,
  ServiceKitConfig,
  ServiceWiring,
  StartServiceOptions,
} from './start-service';
export { runService } from './run-service';
export type { RunServiceOptions } from './run-service';
export { StopSequence } from './stop-sequence';
export { connectEventBus } from './event-bus';
export type { ConnectEventBusOptions, EventBus, Kafka } from './event-bus';
export { startConsumers } from './consumer-declaration';
export type { ConsumerDeclaration, StartableConsumer } from './consumer-declaration';
export { HEALTH_INTERVAL_MS, watchHealth } from './health-watch';
export type { HealthWatch } from './health-watch';
export { admissionOf, serviceDatabaseNames } from './service-defaults';
