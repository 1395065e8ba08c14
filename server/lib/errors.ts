/**
 * A failure the user can act on: a stable code for programs, an HTTP status, and a Russian message.
 * `fields` names the form fields at fault so the page can show each message next to its field.
 */
export class AppError extends Error {
  /** Structured detail a page needs beyond the message, e.g. a definition's errors by line. */
  details?: unknown;

  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Не найдено') => new AppError('not_found', 404, what);
export const forbidden = (message = 'Недостаточно прав для этого действия') => new AppError('forbidden', 403, message);
export const unauthorized = () => new AppError('unauthorized', 401, 'Войдите, чтобы продолжить');
export const conflict = (code: string, message: string, fields?: Record<string, string>) => new AppError(code, 409, message, fields);
export const gone = (code: string, message: string) => new AppError(code, 410, message);
export const badRequest = (code: string, message: string, fields?: Record<string, string>) =>
  new AppError(code, 400, message, fields);
