import { Alert, Button, Code, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { SITE_NAME } from '@web/lib/site';

function downloadCodes(codes: string[]) {
  const text = [`Резервные коды для входа в «${SITE_NAME}»`, 'Каждый код срабатывает один раз.', '', ...codes, ''].join('\r\n');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'bilet-rezervnye-kody.txt';
  link.click();
  URL.revokeObjectURL(url);
}

/** Shown once, right after they are made: the server keeps only their hashes. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="yellow" title="Сохраните резервные коды" role="status">
        <Stack gap={4}>
          <Text size="sm">
            Если телефон потеряется или сломается, войти можно будет с одним из этих кодов вместо кода из приложения. Каждый код
            срабатывает один раз.
          </Text>
          <Text size="sm" fw={600}>
            Мы показываем их только сейчас — потом увидеть их будет нельзя. Скачайте файл или перепишите коды и храните отдельно от телефона.
          </Text>
        </Stack>
      </Alert>
      <SimpleGrid component="ol" cols={2} spacing="xs" verticalSpacing="xs" aria-label="Резервные коды" m={0} p={0} style={{ listStyle: 'none' }}>
        {codes.map((code) => (
          <li key={code}>
            <Code fz="md" style={{ letterSpacing: '0.05em' }}>
              {code}
            </Code>
          </li>
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="outline" onClick={copy}>
              {copied ? 'Скопировано' : 'Скопировать'}
            </Button>
          )}
        </CopyButton>
        <Button variant="outline" onClick={() => downloadCodes(codes)}>
          Скачать файл .txt
        </Button>
      </Group>
      <Button onClick={onDone} style={{ alignSelf: 'flex-start' }}>
        Я сохранил коды
      </Button>
    </Stack>
  );
}
