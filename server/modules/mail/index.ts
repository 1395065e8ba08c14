export { MAIL_SWEEP_JOB, MailService, devMailboxMessages } from './mail.service.js';
export { devMailboxRoutes } from './dev-mailbox.routes.js';
export { escapeHtml, MAIL_SIGNATURE, mailButtonHtml, mailTemplates, type MailContent, type MailHeaders } from './templates.js';
export { eraseMailTo, purgeMailBefore } from './person-data.repository.js';
