import { describe, expect, it } from 'vitest';
import { parseDefinition } from './definition-parser.js';

describe('parsing a definition', () => {
  it('answers a nesting too deep for the parser with a Russian message instead of throwing', () => {
    const result = parseDefinition('['.repeat(100_000), new Set());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.message).toBe('Синтаксическая ошибка: слишком глубокая вложенность списков и объектов');
  });

  it('names the line of a syntax error in Russian', () => {
    const result = parseDefinition('format: 1\nslug: [a,\ntitle: x', new Set());
    expect(result.ok).toBe(false);
    const [error] = !result.ok ? result.errors : [];
    expect(error!.line).toBeGreaterThan(1);
    expect(error!.message).toMatch(/^Синтаксическая ошибка: [А-Яа-яЁё]/);
  });
});
