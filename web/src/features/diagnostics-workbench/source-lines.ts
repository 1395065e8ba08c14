/** Where line `line` (from 1) of a text starts and ends, without its line break; past the end, the last line. */
export function lineRange(source: string, line: number): { start: number; end: number } {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = source.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  const end = source.indexOf('\n', start);
  return { start, end: end === -1 ? source.length : end };
}

/** The line (from 1) holding a character offset. */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source[i] === '\n') line++;
  return line;
}

/**
 * Selects a whole line of the textarea and scrolls it into the middle, so the methodologist lands
 * on the line an error names with the cursor already there.
 */
export function goToLine(textarea: HTMLTextAreaElement, line: number): void {
  const { start, end } = lineRange(textarea.value, line);
  textarea.setSelectionRange(start, end);
  textarea.focus();
  const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 2);
}
