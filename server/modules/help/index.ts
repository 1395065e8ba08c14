export { helpRoutes } from './help.routes.js';
export { syncHelpContent, searchArticles } from './help.service.js';
export { answerQuestion } from './bot.service.js';
