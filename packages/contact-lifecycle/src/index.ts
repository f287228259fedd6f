export {
  CHANNELS,
  normalizeEmail,
  projectErasure,
  projectSnapshot,
  projectVictim,
  type Channel,
  type ChannelReach,
  type ContactStatus,
  type ProjectedContact,
} from './contact-projection';
export {
  CONTACT_HOUSEHOLDS_COLLECTION,
  CONTACT_PROJECTION_COLLECTION,
  ContactProjectionStore,
  type KnownContact,
} from './contact-projection.store';
export {
  ContactLifecycle,
  type ErasedHook,
  type LifecycleConsumerOptions,
  type LifecycleEventContext,
  type MergedHook,
} from './contact-lifecycle';
export {
  PERSONAL_DATA_SERVICE,
  personalDataService,
  type PersonalDataExporter,
  type PersonalDataSection,
  type PersonalDataServiceOptions,
} from './personal-data-service';
