import { useParams } from 'react-router';
import { fullName } from '@web/lib/format';
import { useParentCabinet } from '@web/lib/parent-cabinet';
import { AdultDiagnostics } from '../components/adult-diagnostics';
import { AdultResult } from '../components/adult-result';

/** The child's name for the title, from the parent cabinet already in the cache when coming from it. */
function useChildName(childId: string): string | null {
  const child = useParentCabinet().data?.children.find((c) => c.id === childId);
  return child ? fullName(child) : null;
}

const base = (childId: string) => `/parent/children/${childId}/diagnostics`;
const BACK = { to: '/parent', label: 'В кабинет' };

export function ParentDiagnosticsPage() {
  const { childId = '' } = useParams();
  const name = useChildName(childId);
  return (
    <AdultDiagnostics
      pupilId={childId}
      title={name ? `Результаты диагностики: ${name}` : 'Результаты диагностики'}
      lead="Тесты и игры, которые прошёл ребёнок, его цифровой след и сравнение попыток. Результаты — повод для разговора, а не оценка."
      back={BACK}
      resultHref={(attemptId) => `${base(childId)}/results/${attemptId}`}
    />
  );
}

export function ParentResultPage() {
  const { childId = '', attemptId = '' } = useParams();
  return (
    <AdultResult pupilId={childId} attemptId={attemptId} backTo={base(childId)} resultHref={(id) => `${base(childId)}/results/${id}`} />
  );
}
