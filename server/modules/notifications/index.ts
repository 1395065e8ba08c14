export { notifyAccount, type NotificationInput } from './notifications.service.js';
