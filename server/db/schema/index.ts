export * from './reference.js';
export * from './identity.js';
export * from './organisations.js';
export * from './platform.js';
export * from './diagnostics.js';
export * from './events.js';
export * from './guidance.js';
export * from './help.js';
