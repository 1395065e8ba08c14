import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import {
  MAX_DEFINITION_BYTES,
  checkDefinition,
  definitionSchema,
  type KnownDimensions,
  type TestDefinition,
} from '@common/diagnostics/definition.js';

/** One problem of a definition, placed where the methodologist can find it. */
export interface DefinitionError {
  line: number | null;
  column: number | null;
  /** The field as a dotted path: `scales.2.keys.0.item`. */
  field: string;
  message: string;
}

export type ParseResult = { ok: true; definition: TestDefinition } | { ok: false; errors: DefinitionError[] };

const MAX_ERRORS = 50;

/**
 * Parses and checks a definition written in YAML or JSON (JSON is YAML 1.2, so one parser gives
 * line numbers for both). Nothing is stored here: the caller decides what a valid one becomes.
 */
export function parseDefinition(source: string, known: KnownDimensions): ParseResult {
  if (Buffer.byteLength(source, 'utf8') > MAX_DEFINITION_BYTES) {
    return fail([{ line: null, column: null, field: '', message: `Файл больше ${MAX_DEFINITION_BYTES / 1024 / 1024} МБ: разделите тест на несколько` }]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.slice(0, MAX_ERRORS).map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { line: pos.line, column: pos.col, field: '', message: syntaxMessage(e.code, e.message) };
      }),
    );
  }
  let data: unknown;
  try {
    // Aliases could expand a small file into a huge one (a "billion laughs"); definitions never need them.
    data = doc.toJS({ maxAliasCount: 0 });
  } catch {
    return fail([{ line: null, column: null, field: '', message: 'Ссылки и якоря YAML (& и *) в определениях не используются' }]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail([{ line: 1, column: 1, field: '', message: 'Определение должно быть объектом с полями format, slug, title…' }]);
  }
  const parsed = definitionSchema.safeParse(data);
  if (!parsed.success) return fail(parsed.error.issues.slice(0, MAX_ERRORS).map((issue) => placeIssue(doc, lineCounter, issue)));
  const problems = checkDefinition(parsed.data, known);
  if (problems.length > 0) {
    return fail(problems.slice(0, MAX_ERRORS).map((p) => placed(doc, lineCounter, p.path, p.message)));
  }
  return { ok: true, definition: parsed.data };
}

function fail(errors: DefinitionError[]): ParseResult {
  return { ok: false, errors };
}

function placeIssue(doc: Document, lines: LineCounter, issue: z.core.$ZodIssue): DefinitionError {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `Неизвестное поле: ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) message = `Не заполнено обязательное поле «${String(path.at(-1))}»`;
  return placed(doc, lines, path, message);
}

/** Finds the deepest node of the path that exists, so a missing field points at its parent. */
function placed(doc: Document, lines: LineCounter, path: Array<string | number>, message: string): DefinitionError {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col, field: path.join('.'), message };
    }
  }
  return { line: null, column: null, field: path.join('.'), message };
}

const SYNTAX_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'Поле повторяется',
  BAD_INDENT: 'Неверный отступ',
  MISSING_CHAR: 'Не хватает символа (кавычки, скобки или двоеточия)',
  UNEXPECTED_TOKEN: 'Неожиданный символ',
  BLOCK_AS_IMPLICIT_KEY: 'Неверный отступ или забытое двоеточие',
  MULTILINE_IMPLICIT_KEY: 'Ключ не может занимать несколько строк: проверьте двоеточия и отступы',
  TAB_AS_INDENT: 'Отступы делают пробелами, не табуляцией',
};

/** The parser's own messages are English; a methodologist gets the Russian one for its code. */
function syntaxMessage(code: string, original: string): string {
  if (/call stack/i.test(original)) return 'Синтаксическая ошибка: слишком глубокая вложенность списков и объектов';
  return `Синтаксическая ошибка: ${SYNTAX_MESSAGES[code] ?? 'проверьте кавычки, скобки, двоеточия и отступы'}`;
}
