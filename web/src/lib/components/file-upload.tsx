import { useState, type FormEvent } from 'react';
import { FileInput, Progress, Stack, Text, type FileInputProps } from '@mantine/core';

/** A message for the file input, or null when the file may be sent. */
type FileCheck = (file: File | null) => string | null;

/**
 * One file chosen, checked and sent with its progress shown. The form decides what sending means;
 * the check runs first, so nobody waits for the server to refuse a file the page could judge.
 */
export function useFileUpload(check: FileCheck, onChoose?: () => void) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const choose = (next: File | null) => {
    setFile(next);
    setError(null);
    onChoose?.();
  };

  /** The form's onSubmit; the bar shows from the first byte until the request settles either way. */
  const submit =
    (send: (file: File, onProgress: (fraction: number) => void, onSettled: () => void) => void) => (event: FormEvent) => {
      event.preventDefault();
      const problem = check(file);
      setError(problem);
      if (problem || !file) return;
      setProgress(0);
      send(file, setProgress, () => setProgress(null));
    };

  return { file, error, progress, choose, clear: () => setFile(null), submit };
}

type FileUpload = ReturnType<typeof useFileUpload>;

type FileFieldProps = Pick<FileInputProps, 'label' | 'description' | 'accept'> & { upload: FileUpload };

export function FileField({ upload, ...props }: FileFieldProps) {
  return (
    <FileInput
      {...props}
      placeholder="Выбрать файл"
      value={upload.file}
      onChange={upload.choose}
      clearable
      clearButtonProps={{ 'aria-label': 'Убрать файл' }}
      error={upload.error}
      required
    />
  );
}

/** The bar while a file is on its way; the words under it say the same for screen readers. */
export function UploadProgress({ upload, label, text }: { upload: FileUpload; label: string; text: (percent: number) => string }) {
  if (upload.progress === null) return null;
  const percent = Math.round(upload.progress * 100);
  return (
    <Stack gap={4}>
      <Progress value={percent} aria-label={label} animated />
      <Text size="sm" c="dimmed" aria-live="polite">
        {text(percent)}
      </Text>
    </Stack>
  );
}
