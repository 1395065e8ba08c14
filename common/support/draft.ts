/**
 * A request the chat bot hands over to the request form: what the person asked and the
 * conversation so far, kept in the tab's sessionStorage under SUPPORT_DRAFT_KEY until the form
 * reads it, so nothing of it travels to the server before the person sends the request.
 */
export const SUPPORT_DRAFT_KEY = 'bilet.support.draft';

export interface SupportDraftMessage {
  author: 'person' | 'bot';
  text: string;
}

export interface SupportDraft {
  /** The question as the person put it, to open the request's text with. */
  text: string;
  /** The topic the bot guessed from the articles it offered, if any. */
  topic?: string;
  conversation: SupportDraftMessage[];
}
