import { useLocation, useParams } from 'react-router';
import { AdultDiagnostics } from '../components/adult-diagnostics';
import { AdultResult } from '../components/adult-result';

const base = (pupilId: string) => `/staff/pupils/${pupilId}/diagnostics`;
const BACK = { to: '/staff/participants', label: 'Мои участники' };

export function StaffDiagnosticsPage() {
  const { pupilId = '' } = useParams();
  // The list links here with the pupil's name; opened from elsewhere, the page does without it.
  const state: unknown = useLocation().state;
  const name = state && typeof state === 'object' && 'name' in state && typeof state.name === 'string' ? state.name : null;
  return (
    <AdultDiagnostics
      pupilId={pupilId}
      title={name ? `Результаты диагностики: ${name}` : 'Результаты диагностики ученика'}
      lead="Пройденные тесты и игры, цифровой след и сравнение попыток одного теста."
      back={BACK}
      resultHref={(attemptId) => `${base(pupilId)}/results/${attemptId}`}
    />
  );
}

export function StaffResultPage() {
  const { pupilId = '', attemptId = '' } = useParams();
  return <AdultResult pupilId={pupilId} attemptId={attemptId} backTo={base(pupilId)} resultHref={(id) => `${base(pupilId)}/results/${id}`} />;
}
