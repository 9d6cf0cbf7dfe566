// Jobs, events and DTO shapes other projects may use from the budget service.
export * from './budget';
export * from './jobs';
export * from './responses';
export * from './households';
