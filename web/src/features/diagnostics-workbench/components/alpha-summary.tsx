import { Group, Text } from '@mantine/core';
import { formatDecimal } from '../labels';

/** Cronbach's alpha in words: the usual thresholds of 0.6 and 0.7. */
function alphaVerdict(alpha: number): { label: string; color: string } {
  if (alpha >= 0.7) return { label: 'хорошо', color: 'green.9' };
  if (alpha >= 0.6) return { label: 'приемлемо', color: 'yellow.9' };
  return { label: 'слабо', color: 'red.9' };
}

export function AlphaSummary({ alpha }: { alpha: number | null }) {
  return (
    <div>
      <Group gap={6}>
        <Text fw={600}>Альфа Кронбаха:</Text>
        {alpha === null ? (
          <Text>не считается — в шкале меньше двух заданий или ответы не различаются</Text>
        ) : (
          <Text fw={600} c={alphaVerdict(alpha).color}>{`${formatDecimal(alpha)} — ${alphaVerdict(alpha).label}`}</Text>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Согласованность заданий шкалы: ≥ 0,7 хорошо, 0,6–0,7 приемлемо, &lt; 0,6 слабо.
      </Text>
    </div>
  );
}
