export { helpRoutes } from './help.routes.js';
export { searchArticles, seedDemoContacts, syncHelpContent } from './help.service.js';
export { answerQuestion } from './bot.service.js';
