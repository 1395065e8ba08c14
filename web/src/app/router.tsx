import { lazy, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PERMISSIONS } from '@common/permissions.js';
import { STAFF_ROLES, type Role } from '@common/roles.js';
import { KPI_READ_ROLES } from '../lib/kpi-roles';
import { LandingPage } from '../features/landing/pages/landing-page';
import { Layout, TABLE_PAGE } from './layout';
import { NotFoundPage, RouteErrorPage } from './not-found-page';
import { RequireRole } from './require-role';

// Each area downloads when first visited; the landing page ships with the first load.
function lazyPage<K extends string>(load: () => Promise<Record<NoInfer<K>, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const only = (roles: readonly Role[], page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;

const SignInPage = lazyPage(() => import('../features/auth/pages/sign-in-page'), 'SignInPage');
const PasswordResetPage = lazyPage(() => import('../features/auth/pages/password-reset-page'), 'PasswordResetPage');
const NewPasswordPage = lazyPage(() => import('../features/auth/pages/new-password-page'), 'NewPasswordPage');
const ActivatePage = lazyPage(() => import('../features/auth/pages/activate-page'), 'ActivatePage');
const EsiaErrorPage = lazyPage(() => import('../features/auth/pages/esia-error-page'), 'EsiaErrorPage');
const RegisterPage = lazyPage(() => import('../features/registration/pages/register-page'), 'RegisterPage');
const ParticipantPage = lazyPage(() => import('../features/participant/pages/participant-page'), 'ParticipantPage');
const ParentPage = lazyPage(() => import('../features/parent/pages/parent-page'), 'ParentPage');
const ParentConfirmPage = lazyPage(() => import('../features/parent/pages/parent-confirm-page'), 'ParentConfirmPage');
const InvitationPage = lazyPage(() => import('../features/invitation/pages/invitation-page'), 'InvitationPage');
const StaffLayout = lazyPage(() => import('../features/staff/components/staff-layout'), 'StaffLayout');
const InstructionPage = lazyPage(() => import('../features/organisations/pages/instruction-page'), 'InstructionPage');
const StaffPage = lazyPage(() => import('../features/staff/pages/staff-page'), 'StaffPage');
const ProfilePage = lazyPage(() => import('../features/staff/pages/profile-page'), 'ProfilePage');
const RegionsPage = lazyPage(() => import('../features/organisations/pages/regions-page'), 'RegionsPage');
const RegionPage = lazyPage(() => import('../features/organisations/pages/region-page'), 'RegionPage');
const OwnRegionPage = lazyPage(() => import('../features/organisations/pages/region-page'), 'OwnRegionPage');
const OrganisationsPage = lazyPage(() => import('../features/organisations/pages/organisations-page'), 'OrganisationsPage');
const OrganisationPage = lazyPage(() => import('../features/organisations/pages/organisation-page'), 'OrganisationPage');
const OwnOrganisationPage = lazyPage(() => import('../features/organisations/pages/organisation-page'), 'OwnOrganisationPage');
const TeamPage = lazyPage(() => import('../features/organisations/pages/team-page'), 'TeamPage');
const SecondFactorPage = lazyPage(() => import('../features/staff-access/pages/second-factor-page'), 'SecondFactorPage');
const StaffConsentPage = lazyPage(() => import('../features/staff-access/pages/consent-page'), 'StaffConsentPage');
const SuspendedPage = lazyPage(() => import('../features/staff-access/pages/suspended-page'), 'SuspendedPage');
const SecurityPage = lazyPage(() => import('../features/staff-access/pages/security-page'), 'SecurityPage');
const StaffInvitationPage = lazyPage(() => import('../features/staff-access/pages/staff-invitation-page'), 'StaffInvitationPage');
const PlacesPage = lazyPage(() => import('../features/places/pages/places-page'), 'PlacesPage');
const PaperConsentsPage = lazyPage(() => import('../features/paper-consents/pages/paper-consents-page'), 'PaperConsentsPage');
const ParticipantsPage = lazyPage(() => import('../features/participants/pages/participants-page'), 'ParticipantsPage');
const CorrectionsPage = lazyPage(() => import('../features/participants/pages/corrections-page'), 'CorrectionsPage');
const ImportsPage = lazyPage(() => import('../features/participants/pages/imports-page'), 'ImportsPage');
const ImportPage = lazyPage(() => import('../features/participants/pages/import-page'), 'ImportPage');
const ReferencePage = lazyPage(() => import('../features/reference/pages/reference-page'), 'ReferencePage');
const DiagnosticsCataloguePage = lazyPage(() => import('../features/diagnostics/pages/catalogue-page'), 'CataloguePage');
const DiagnosticsAttemptPage = lazyPage(() => import('../features/diagnostics/pages/attempt-page'), 'AttemptPage');
const ParticipantResultPage = lazyPage(() => import('../features/diagnostics/pages/result-page'), 'ParticipantResultPage');
const ParticipantFootprintPage = lazyPage(() => import('../features/diagnostics/pages/footprint-page'), 'ParticipantFootprintPage');
const ParentDiagnosticsPage = lazyPage(() => import('../features/diagnostics/pages/parent-diagnostics-page'), 'ParentDiagnosticsPage');
const ParentResultPage = lazyPage(() => import('../features/diagnostics/pages/parent-diagnostics-page'), 'ParentResultPage');
const StaffDiagnosticsPage = lazyPage(() => import('../features/diagnostics/pages/staff-diagnostics-page'), 'StaffDiagnosticsPage');
const StaffResultPage = lazyPage(() => import('../features/diagnostics/pages/staff-diagnostics-page'), 'StaffResultPage');
const EventLinkPage = lazyPage(() => import('../features/events/pages/link-page'), 'LinkPage');
const EventsCataloguePage = lazyPage(() => import('../features/events/pages/catalogue-page'), 'CataloguePage');
const EventPage = lazyPage(() => import('../features/events/pages/event-page'), 'EventPage');
const MyEventsPage = lazyPage(() => import('../features/events/pages/my-events-page'), 'MyEventsPage');
const ChildEventsPage = lazyPage(() => import('../features/events/pages/child-events-page'), 'ChildEventsPage');
const PupilRecommendationsPage = lazyPage(() => import('../features/guidance/pages/recommendations-page'), 'PupilRecommendationsPage');
const ParentRecommendationsPage = lazyPage(() => import('../features/guidance/pages/recommendations-page'), 'ParentRecommendationsPage');
const PupilPlanPage = lazyPage(() => import('../features/guidance/pages/plan-page'), 'PupilPlanPage');
const ParentPlanPage = lazyPage(() => import('../features/guidance/pages/plan-page'), 'ParentPlanPage');
const WorkbenchTestsPage = lazyPage(() => import('../features/diagnostics-workbench/pages/tests-page'), 'WorkbenchTestsPage');
const WorkbenchNewTestPage = lazyPage(() => import('../features/diagnostics-workbench/pages/test-page'), 'WorkbenchNewTestPage');
const WorkbenchTestPage = lazyPage(() => import('../features/diagnostics-workbench/pages/test-page'), 'WorkbenchTestPage');
const WorkbenchStatisticsPage = lazyPage(() => import('../features/diagnostics-workbench/pages/statistics-page'), 'WorkbenchStatisticsPage');
const PlansPage = lazyPage(() => import('../features/study-plans/pages/plans-page'), 'PlansPage');
const PlanEditorPage = lazyPage(() => import('../features/study-plans/pages/plan-editor-page'), 'PlanEditorPage');
const StaffEventsPage = lazyPage(() => import('../features/events-staff/pages/events-page'), 'EventsPage');
const StaffEventPage = lazyPage(() => import('../features/events-staff/pages/event-page'), 'EventPage');
const NewStaffEventPage = lazyPage(() => import('../features/events-staff/pages/event-form-page'), 'NewEventPage');
const EditStaffEventPage = lazyPage(() => import('../features/events-staff/pages/event-form-page'), 'EditEventPage');
const OpportunitiesPage = lazyPage(() => import('../features/opportunities/pages/opportunities-page'), 'OpportunitiesPage');
const NewOpportunityPage = lazyPage(() => import('../features/opportunities/pages/opportunity-form-page'), 'NewOpportunityPage');
const EditOpportunityPage = lazyPage(() => import('../features/opportunities/pages/opportunity-form-page'), 'EditOpportunityPage');
const OpportunityImportPage = lazyPage(() => import('../features/opportunities/pages/opportunity-import-page'), 'OpportunityImportPage');
const OpportunityCardPage = lazyPage(() => import('../features/opportunities/pages/opportunity-card-page'), 'OpportunityCardPage');
const NewSupportRequestPage = lazyPage(() => import('../features/support/pages/new-request-page'), 'NewRequestPage');
const MySupportRequestsPage = lazyPage(() => import('../features/support/pages/my-requests-page'), 'MyRequestsPage');
const SupportRequestByLinkPage = lazyPage(() => import('../features/support/pages/my-requests-page'), 'RequestByLinkPage');
const SupportDeskPage = lazyPage(() => import('../features/support/pages/desk-page'), 'DeskPage');
const SupportDeskRequestPage = lazyPage(() => import('../features/support/pages/desk-request-page'), 'DeskRequestPage');
const SupportTemplatesPage = lazyPage(() => import('../features/support/pages/templates-page'), 'TemplatesPage');
const HelpHomePage = lazyPage(() => import('../features/help/pages/help-home-page'), 'HelpHomePage');
const HelpArticlePage = lazyPage(() => import('../features/help/pages/help-article-page'), 'HelpArticlePage');
const HelpFaqPage = lazyPage(() => import('../features/help/pages/help-faq-page'), 'HelpFaqPage');
const HelpContactsPage = lazyPage(() => import('../features/help/pages/help-contacts-page'), 'HelpContactsPage');
const StaffHelpPage = lazyPage(() => import('../features/help/pages/staff-help-page'), 'StaffHelpPage');
const StaffArticlePage = lazyPage(() => import('../features/help/pages/staff-article-page'), 'StaffArticlePage');
const StaffContactsPage = lazyPage(() => import('../features/help/pages/staff-contacts-page'), 'StaffContactsPage');
const KpiPage = lazyPage(() => import('../features/kpi/pages/kpi-page'), 'KpiPage');
const AuditPage = lazyPage(() => import('../features/audit/pages/audit-page'), 'AuditPage');

const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <LandingPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/signin', element: <SignInPage /> },
      { path: '/password/reset', element: <PasswordResetPage /> },
      { path: '/password/new', element: <NewPasswordPage /> },
      { path: '/activate', element: <ActivatePage /> },
      { path: '/esia/error', element: <EsiaErrorPage /> },
      { path: '/invite/:token', element: <InvitationPage /> },
      { path: '/staff-invitation', element: <StaffInvitationPage /> },
      // Open signed out: the page itself sends the parent through ESIA and back to the same card.
      { path: '/e/:token', element: <EventLinkPage /> },
      { path: '/support/new', element: <NewSupportRequestPage /> },
      { path: '/support/r/:token', element: <SupportRequestByLinkPage /> },
      { path: '/participant/support', element: only(['participant'], <MySupportRequestsPage />) },
      { path: '/parent/support', element: only(['parent'], <MySupportRequestsPage />) },
      { path: '/help', element: <HelpHomePage /> },
      { path: '/help/faq', element: <HelpFaqPage /> },
      { path: '/help/contacts', element: <HelpContactsPage /> },
      { path: '/help/:slug', element: <HelpArticlePage /> },
      { path: '/participant', element: only(['participant'], <ParticipantPage />) },
      { path: '/participant/diagnostics', element: only(['participant'], <DiagnosticsCataloguePage />) },
      { path: '/participant/diagnostics/attempts/:attemptId', element: only(['participant'], <DiagnosticsAttemptPage />) },
      { path: '/participant/diagnostics/results/:attemptId', element: only(['participant'], <ParticipantResultPage />) },
      { path: '/participant/footprint', element: only(['participant'], <ParticipantFootprintPage />) },
      { path: '/participant/events', element: only(['participant'], <MyEventsPage />) },
      { path: '/participant/events/catalogue', element: only(['participant'], <EventsCataloguePage />) },
      { path: '/participant/events/:eventId', element: only(['participant'], <EventPage />) },
      { path: '/participant/recommendations', element: only(['participant'], <PupilRecommendationsPage />) },
      { path: '/participant/plan', element: only(['participant'], <PupilPlanPage />) },
      { path: '/opportunities/:opportunityId', element: only(PERMISSIONS['opportunities.card'], <OpportunityCardPage />) },
      { path: '/parent', element: only(['parent'], <ParentPage />) },
      { path: '/parent/confirm', element: only(['parent'], <ParentConfirmPage />) },
      { path: '/parent/children/:childId/diagnostics', element: only(['parent'], <ParentDiagnosticsPage />) },
      { path: '/parent/children/:childId/diagnostics/results/:attemptId', element: only(['parent'], <ParentResultPage />) },
      { path: '/parent/children/:childId/events', element: only(['parent'], <ChildEventsPage />) },
      { path: '/parent/children/:childId/recommendations', element: only(['parent'], <ParentRecommendationsPage />) },
      { path: '/parent/children/:childId/plan', element: only(['parent'], <ParentPlanPage />) },
      {
        path: '/staff',
        element: only(STAFF_ROLES, <StaffLayout />),
        // Each feature adds its staff pages here; STAFF_NAV in features/staff/staff-nav.ts links them.
        children: [
          { index: true, element: <StaffPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'regions', element: only(PERMISSIONS['regions.read'], <RegionsPage />) },
          { path: 'regions/:regionId', element: only(PERMISSIONS['regions.read'], <RegionPage />) },
          { path: 'region', element: only(['regional_coordinator'], <OwnRegionPage />) },
          // The list spans a region or the country, so only those who look after one see it.
          { path: 'organisations', handle: TABLE_PAGE, element: only(['issuer_admin', 'regional_coordinator'], <OrganisationsPage />) },
          { path: 'organisations/:kind/:id', element: only(PERMISSIONS['organisations.read'], <OrganisationPage />) },
          { path: 'organisation', element: only(PERMISSIONS['organisations.read'], <OwnOrganisationPage />) },
          { path: 'team', handle: TABLE_PAGE, element: only(PERMISSIONS['staff.read'], <TeamPage />) },
          { path: 'second-factor', element: <SecondFactorPage /> },
          { path: 'consent', element: <StaffConsentPage /> },
          { path: 'instruction', element: only(PERMISSIONS['organisations.instruction'], <InstructionPage />) },
          { path: 'suspended', element: <SuspendedPage /> },
          { path: 'security', element: <SecurityPage /> },
          { path: 'places', handle: TABLE_PAGE, element: only(PERMISSIONS['places.read'], <PlacesPage />) },
          { path: 'participants', handle: TABLE_PAGE, element: only(PERMISSIONS['participants.read'], <ParticipantsPage />) },
          { path: 'corrections', element: only(PERMISSIONS['corrections.decide'], <CorrectionsPage />) },
          { path: 'imports', handle: TABLE_PAGE, element: only(PERMISSIONS['imports.manage'], <ImportsPage />) },
          { path: 'imports/:id', element: only(PERMISSIONS['imports.manage'], <ImportPage />) },
          { path: 'paper-consents', handle: TABLE_PAGE, element: only(PERMISSIONS['paper_consents.read'], <PaperConsentsPage />) },
          { path: 'reference', element: only(['issuer_admin'], <ReferencePage />) },
          { path: 'plans', handle: TABLE_PAGE, element: only(PERMISSIONS['study_plans.manage'], <PlansPage />) },
          { path: 'pupils/:pupilId/plan', element: only(PERMISSIONS['study_plans.manage'], <PlanEditorPage />) },
          { path: 'pupils/:pupilId/diagnostics', element: only(['navigator'], <StaffDiagnosticsPage />) },
          { path: 'pupils/:pupilId/diagnostics/results/:attemptId', element: only(['navigator'], <StaffResultPage />) },
          { path: 'diagnostics', element: only(['methodologist'], <WorkbenchTestsPage />) },
          { path: 'diagnostics/new', element: only(['methodologist'], <WorkbenchNewTestPage />) },
          { path: 'diagnostics/:testId', element: only(['methodologist'], <WorkbenchTestPage />) },
          { path: 'diagnostics/:testId/statistics', element: only(['methodologist'], <WorkbenchStatisticsPage />) },
          { path: 'events', handle: TABLE_PAGE, element: only(PERMISSIONS['events.read'], <StaffEventsPage />) },
          { path: 'events/new', element: only(PERMISSIONS['events.manage'], <NewStaffEventPage />) },
          { path: 'events/:eventId', element: only(PERMISSIONS['events.read'], <StaffEventPage />) },
          { path: 'events/:eventId/edit', element: only(PERMISSIONS['events.manage'], <EditStaffEventPage />) },
          { path: 'opportunities', handle: TABLE_PAGE, element: only(PERMISSIONS['opportunities.manage'], <OpportunitiesPage />) },
          { path: 'opportunities/new', element: only(PERMISSIONS['opportunities.manage'], <NewOpportunityPage />) },
          { path: 'opportunities/import', handle: TABLE_PAGE, element: only(PERMISSIONS['opportunities.manage'], <OpportunityImportPage />) },
          { path: 'help', handle: TABLE_PAGE, element: only(PERMISSIONS['help.read_drafts'], <StaffHelpPage />) },
          { path: 'help/new', element: only(PERMISSIONS['help.edit'], <StaffArticlePage />) },
          { path: 'help/contacts', element: only(PERMISSIONS['help.contacts'], <StaffContactsPage />) },
          { path: 'help/:articleId', element: only(PERMISSIONS['help.read_drafts'], <StaffArticlePage />) },
          { path: 'opportunities/:opportunityId/edit', element: only(PERMISSIONS['opportunities.manage'], <EditOpportunityPage />) },
          { path: 'my-requests', element: <MySupportRequestsPage /> },
          { path: 'support', handle: TABLE_PAGE, element: only(PERMISSIONS['support.desk'], <SupportDeskPage />) },
          { path: 'support/templates', element: only(['support_operator'], <SupportTemplatesPage />) },
          { path: 'support/:id', element: only(PERMISSIONS['support.desk'], <SupportDeskRequestPage />) },
          { path: 'kpi', handle: TABLE_PAGE, element: only(KPI_READ_ROLES, <KpiPage />) },
          { path: 'kpi/:level/:id?', handle: TABLE_PAGE, element: only(KPI_READ_ROLES, <KpiPage />) },
          { path: 'audit', handle: TABLE_PAGE, element: only(PERMISSIONS['audit.review'], <AuditPage />) },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
