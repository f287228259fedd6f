export * from './envelope';
export * from './topics';
export * from './contact-events.schema';
export * from './custom-field-events.schema';
export * from './household-events.schema';
export * from './relationship-events.schema';
export * from './event-catalogue';
export * from './catalogue-docs';
