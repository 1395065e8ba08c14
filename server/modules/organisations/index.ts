export { organisationsRoutes } from './organisations.routes.js';
export { placesRoutes } from './places.routes.js';
export { regionsRoutes } from './regions.routes.js';
export { staffRoutes } from './staff.routes.js';
export { inviteStaff, type StaffInvitee } from './staff-invitations.service.js';
export { staffProfileDataOf } from './person-data.repository.js';
export { instructionRoutes } from './instruction.routes.js';
export { recordInstructionAccepted } from './instruction.service.js';
