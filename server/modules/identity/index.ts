export { authRoutes } from './auth.routes.js';
export { esiaRoutes } from './esia.routes.js';
export { registrationRoutes } from './registration.routes.js';
export { familyRoutes } from './family.routes.js';
export { secondFactorRoutes } from './second-factor.routes.js';
export { staffOnboardingRoutes } from './staff-onboarding.routes.js';
export { correctionsRoutes } from './corrections.routes.js';
export { SESSION_CLEANUP_JOB, registerIdentityJobs } from './identity.jobs.js';
export { createEsiaClient, type EsiaClient } from './esia/esia-client.js';
export { setUpEsiaSigning } from './esia/esia-signing-setup.js';
export { loadOrCreateTestKeyFiles } from './esia/gost-signature.js';
export { ESIA_TEST_CITIZENS, registerEsiaEmulator, type EsiaTestCitizen } from './esia/esia-emulator.js';
export { childIdentityKey, createParticipant } from './registration.service.js';
export { announceRegistration, onRegistered, type Registration, type RegistrationScenario } from './registration-signal.js';
export {
  createPendingAccount,
  disableAccount,
  emailInUse,
  findAccount,
  issueOneTimeToken,
  updateContactDetails,
  updatePupilProfile,
} from './accounts.service.js';
export { isParentOf, linkedChildren, linkedParents } from './family.service.js';
export { TOKEN_LIFETIME_MS } from './tokens.repository.js';
export { childrenOfParent, parentsOfChild, parentsOfChildren, representativesOf } from './family-members.service.js';
export { loadParentCabinet, loadParticipantCabinet } from './cabinet.service.js';
export { consentStateOf, consentWithdrawnSql, onConsentLapsed, type ConsentLapse, type ConsentLapseListener, type ConsentState } from './consent-state.js';
export { identityDataOf } from './person-data.service.js';
export { accountNames, erasePupilIdentity, neverActivatedPupils, purgeExpiredInvitations } from './person-data.repository.js';
export { findAccountById, lockAccount, updateAccount } from './accounts.repository.js';
export { deleteExpiredSessions } from './auth.repository.js';
