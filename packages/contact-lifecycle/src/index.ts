export {
  CHANNELS,
  normalizeEmail,
  projectErasure,
  projectHouseholdPlaces,
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
  MAX_MERGE_HOPS,
  type HouseholdMemberPlace,
  type HouseholdPlaceInput,
  type KnownContact,
  type ResolvedContact,
} from './contact-projection.store';
export {
  ContactLifecycle,
  type ErasedHook,
  type LifecycleConsumerOptions,
  type LifecycleEventContext,
  type MergedHook,
  type SnapshotHook,
} from './contact-lifecycle';
export {
  PERSONAL_DATA_SERVICE,
  personalDataService,
  type PersonalDataExporter,
  type PersonalDataSection,
  type PersonalDataServiceOptions,
} from './personal-data-service';
