export { notificationsRoutes } from './notifications.routes.js';
export { noticeInCabinets, notifyAccount, notifyAccounts, type NotificationInput } from './notifications.service.js';
export { eraseNotificationsOf, notificationsDataOf } from './person-data.repository.js';
