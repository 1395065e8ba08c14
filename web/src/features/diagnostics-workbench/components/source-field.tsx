import { useState, type Ref } from 'react';
import { Textarea } from '@mantine/core';
import { lineAt } from '../source-lines';

interface Props {
  value: string;
  onChange: (value: string) => void;
  textareaRef: Ref<HTMLTextAreaElement>;
}

/** The definition's text in a monospace field; the line under the cursor is named below it, as errors name lines. */
export function SourceField({ value, onChange, textareaRef }: Props) {
  const [line, setLine] = useState(1);
  const track = (event: { currentTarget: HTMLTextAreaElement }) => setLine(lineAt(event.currentTarget.value, event.currentTarget.selectionStart));
  return (
    <Textarea
      ref={textareaRef}
      label="Определение (YAML или JSON)"
      description={`Курсор: строка ${line} из ${lineAt(value, value.length)}`}
      placeholder="Вставьте текст определения или загрузите файл"
      value={value}
      onChange={(event) => {
        onChange(event.currentTarget.value);
        track(event);
      }}
      onSelect={track}
      onKeyUp={track}
      onFocus={track}
      autosize
      minRows={14}
      maxRows={36}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'pre', overflowWrap: 'normal', overflowX: 'auto' } }}
    />
  );
}
