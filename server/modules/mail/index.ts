export { mailTemplates, type MailContent } from './templates.js';
