/**
 * File names arrive from users' machines and leave in Content-Disposition headers: they are only
 * ever a label for people, never a path, and must not carry anything a header or a disk could trip on.
 */

const MAX_NAME_LENGTH = 255;
// Letters and digits of any script, and the punctuation people put in document names.
const UNSAFE_CHARS = /[^\p{L}\p{N} ._()+,№-]/gu;

/**
 * A display name made of the last path segment and safe characters, at most 255 characters, ending
 * in the extension of the type the content really is (a PDF named "scan.jpg" becomes "scan.pdf").
 */
export function sanitiseFileName(raw: string | undefined, ext: string, fallback: string): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop()!;
  let stem = base
    .replace(/\p{C}/gu, '')
    .replace(UNSAFE_CHARS, '_')
    .replace(/\s+/g, ' ')
    .replace(/\.[^.]*$/, '')
    .replace(/^[\s._]+|[\s.]+$/g, '');
  if (!/[\p{L}\p{N}]/u.test(stem)) stem = fallback;
  const suffix = `.${ext}`;
  return Array.from(stem).slice(0, MAX_NAME_LENGTH - suffix.length).join('').trimEnd() + suffix;
}

/** RFC 5987 ext-value: UTF-8, percent-encoded, with the few characters encodeURIComponent leaves alone. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment` with an ASCII fallback for old clients and the real name as filename* (RFC 6266).
 * A caller with a readable ASCII name of its own (transliterated, or made of codes) passes it as
 * the fallback instead of the real name with every Cyrillic letter turned into «_».
 */
export function attachmentDisposition(fileName: string, asciiFallback: string = fileName): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
