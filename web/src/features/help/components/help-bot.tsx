import { useEffect, useRef, useState } from 'react';
import { Anchor, Box, Button, Card, CloseButton, Group, Paper, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import { HELP_LIMITS } from '@common/help.js';
import { SUPPORT_DRAFT_KEY, type SupportDraft, type SupportDraftMessage } from '@common/support/draft.js';
import { errorMessage } from '@web/lib/api-client';
import { askBot, type BotAnswer } from '../api/help-api';
import { Passage } from './passage';

interface Turn {
  author: 'person' | 'bot';
  text: string;
  answer?: BotAnswer;
}

const GREETING = 'Здравствуйте! Я бот справочного центра. Напишите вопрос — я найду статью с ответом.';

/** The conversation as the request form receives it: the person's words and the bot's, articles named. */
function conversationOf(turns: Turn[]): SupportDraftMessage[] {
  return turns.map((t) => ({
    author: t.author,
    text: t.answer && t.answer.articles.length > 0 ? `${t.text} ${t.answer.articles.map((a) => `«${a.title}»`).join(', ')}` : t.text,
  }));
}

function BotTurn({ turn, onLink, onSupport, onNotHelped, last }: { turn: Turn; onLink: () => void; onSupport: () => void; onNotHelped: () => void; last: boolean }) {
  const answer = turn.answer;
  return (
    <Paper bg="gray.0" p="sm" radius="md" maw="92%">
      <Stack gap="xs">
        <Text size="sm">{turn.text}</Text>
        {answer?.articles.map((a) => (
          <Card key={a.slug} withBorder padding="xs">
            <Anchor component={Link} to={`/help/${a.slug}`} onClick={onLink} fw={600} size="sm">
              {a.title}
            </Anchor>
            <Passage parts={a.passage} />
          </Card>
        ))}
        {answer?.nudges.map((n) => (
          <Text key={n.slug + n.text} size="sm">
            {n.text}{' '}
            <Anchor component={Link} to={`/help/${n.slug}`} onClick={onLink} size="sm" underline="always">
              Открыть инструкцию
            </Anchor>
          </Text>
        ))}
        {last && answer && (
          <Group gap="xs">
            {answer.offerSupport ? (
              <Button size="xs" onClick={onSupport}>
                Написать в поддержку
              </Button>
            ) : (
              <Button size="xs" variant="outline" onClick={onNotHelped}>
                Не помогло
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The help centre's chat bot on every page: a button in the corner opens a panel (the whole screen
 * on a phone). It answers from the help centre and, when nothing helped, hands the conversation to
 * the request form through sessionStorage.
 */
export function HelpBot() {
  const [open, setOpen] = useState(false);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [turns, pending]);

  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };

  const send = (text: string) => {
    const question = text.trim();
    if (!question || pending) return;
    const history = conversationOf(turns);
    setTurns((t) => [...t, { author: 'person', text: question }]);
    setMessage('');
    setError(null);
    setPending(true);
    askBot(question, history.slice(-HELP_LIMITS.botHistory)).then(
      (answer) => setTurns((t) => [...t, { author: 'bot', text: answer.reply, answer }]),
      (e: unknown) => setError(errorMessage(e)),
    ).finally(() => setPending(false));
  };

  const toSupport = () => {
    const asked = turns.filter((t) => t.author === 'person');
    const lastAnswer = [...turns].reverse().find((t) => t.answer)?.answer;
    const draft: SupportDraft = {
      text: [...asked].reverse().find((t) => !/^не помогло/i.test(t.text))?.text ?? asked[asked.length - 1]?.text ?? '',
      topic: lastAnswer?.topic,
      conversation: conversationOf(turns),
    };
    sessionStorage.setItem(SUPPORT_DRAFT_KEY, JSON.stringify(draft));
    setOpen(false);
    void navigate('/support/new');
  };

  return (
    <>
      {!open && (
        <Button ref={buttonRef} onClick={() => setOpen(true)} radius="xl" size="md" style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 150 }} aria-haspopup="dialog">
          Помощь
        </Button>
      )}
      {open && (
        <Paper
          role="dialog"
          aria-modal="false"
          aria-labelledby="help-bot-title"
          shadow="xl"
          withBorder
          onKeyDown={(e) => e.key === 'Escape' && close()}
          style={
            phone
              ? { position: 'fixed', inset: 0, zIndex: 200, display: 'flex', flexDirection: 'column' }
              : { position: 'fixed', right: 16, bottom: 16, width: 400, height: 'min(600px, calc(100dvh - 32px))', zIndex: 200, display: 'flex', flexDirection: 'column' }
          }
        >
          <Group justify="space-between" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <Text id="help-bot-title" fw={700}>
              Помощь
            </Text>
            <CloseButton onClick={close} aria-label="Закрыть чат" />
          </Group>
          <ScrollArea style={{ flex: 1 }} p="sm">
            <Stack gap="sm" role="log" aria-live="polite" aria-label="Переписка с ботом">
              <Paper bg="gray.0" p="sm" radius="md" maw="92%">
                <Text size="sm">{GREETING}</Text>
              </Paper>
              {turns.map((turn, i) =>
                turn.author === 'person' ? (
                  <Paper key={i} bg="bilet.0" p="sm" radius="md" maw="85%" ml="auto">
                    <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                      {turn.text}
                    </Text>
                  </Paper>
                ) : (
                  <BotTurn key={i} turn={turn} last={i === turns.length - 1} onLink={() => setOpen(false)} onSupport={toSupport} onNotHelped={() => send('Не помогло')} />
                ),
              )}
              {pending && (
                <Text size="sm" c="dimmed">
                  Ищу ответ…
                </Text>
              )}
              {error && (
                <Text size="sm" c="red.9" role="alert">
                  {error}
                </Text>
              )}
              <Box ref={endRef} />
            </Stack>
          </ScrollArea>
          <Box
            component="form"
            p="sm"
            style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
            onSubmit={(e) => {
              e.preventDefault();
              send(message);
            }}
          >
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <Textarea
                ref={inputRef}
                label="Ваш вопрос"
                value={message}
                onChange={(e) => setMessage(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey) {
                    e.preventDefault();
                    send(message);
                  }
                }}
                autosize
                minRows={1}
                maxRows={4}
                maxLength={HELP_LIMITS.botMessage}
                style={{ flex: 1 }}
              />
              <Button type="submit" loading={pending}>
                Спросить
              </Button>
            </Group>
          </Box>
        </Paper>
      )}
    </>
  );
}
