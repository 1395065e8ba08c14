import { useSearchParams } from 'react-router';
import { Tabs } from '@mantine/core';
import { PageTitle } from '@web/lib/components/page';
import { AwarenessLevelsTab } from '../components/awareness-levels-tab';
import { ProfessionsTab } from '../components/professions-tab';
import { SoftSkillsTab } from '../components/soft-skills-tab';
import { SpheresTab } from '../components/spheres-tab';

const TABS = [
  { value: 'spheres', label: 'Сферы и компетенции', panel: <SpheresTab /> },
  { value: 'soft-skills', label: 'Гибкие навыки', panel: <SoftSkillsTab /> },
  { value: 'awareness', label: 'Уровни осведомлённости', panel: <AwarenessLevelsTab /> },
  { value: 'professions', label: 'Профессии', panel: <ProfessionsTab /> },
] as const;

/** /staff/reference — the issuer's reference model: what the footprint, pickers and tests name. */
export function ReferencePage() {
  // The tab lives in the address, so a reload or a shared link opens the same list.
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t.value === params.get('tab'))?.value ?? 'spheres';
  return (
    <>
      <PageTitle lead="Сферы, компетенции, гибкие навыки, уровни осведомлённости и профессии, которые видят школьники, родители и сотрудники.">Справочники</PageTitle>
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'spheres' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label="Справочники">
          {TABS.map((t) => (
            <Tabs.Tab value={t.value} key={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel value={t.value} key={t.value} pt="md">
            {t.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
