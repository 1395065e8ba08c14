import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PERMISSIONS } from '../../../common/permissions.js';
import { STAFF_ROLES } from '../../../common/roles.js';
import { LandingPage } from '../features/landing/pages/landing-page';
import { Layout } from './layout';
import { NotFoundPage, RouteErrorPage } from './not-found-page';
import { RequireRole } from './require-role';

// Each area downloads when first visited; the landing page ships with the first load.
const SignInPage = lazy(() => import('../features/auth/pages/sign-in-page').then((m) => ({ default: m.SignInPage })));
const PasswordResetPage = lazy(() => import('../features/auth/pages/password-reset-page').then((m) => ({ default: m.PasswordResetPage })));
const NewPasswordPage = lazy(() => import('../features/auth/pages/new-password-page').then((m) => ({ default: m.NewPasswordPage })));
const ActivatePage = lazy(() => import('../features/auth/pages/activate-page').then((m) => ({ default: m.ActivatePage })));
const EsiaErrorPage = lazy(() => import('../features/auth/pages/esia-error-page').then((m) => ({ default: m.EsiaErrorPage })));
const RegisterPage = lazy(() => import('../features/registration/pages/register-page').then((m) => ({ default: m.RegisterPage })));
const ParticipantPage = lazy(() => import('../features/participant/pages/participant-page').then((m) => ({ default: m.ParticipantPage })));
const ParentPage = lazy(() => import('../features/parent/pages/parent-page').then((m) => ({ default: m.ParentPage })));
const ParentConfirmPage = lazy(() => import('../features/parent/pages/parent-confirm-page').then((m) => ({ default: m.ParentConfirmPage })));
const InvitationPage = lazy(() => import('../features/invitation/pages/invitation-page').then((m) => ({ default: m.InvitationPage })));
const StaffLayout = lazy(() => import('../features/staff/components/staff-layout').then((m) => ({ default: m.StaffLayout })));
const StaffPage = lazy(() => import('../features/staff/pages/staff-page').then((m) => ({ default: m.StaffPage })));
const ProfilePage = lazy(() => import('../features/staff/pages/profile-page').then((m) => ({ default: m.ProfilePage })));
const RegionsPage = lazy(() => import('../features/organisations/pages/regions-page').then((m) => ({ default: m.RegionsPage })));
const RegionPage = lazy(() => import('../features/organisations/pages/region-page').then((m) => ({ default: m.RegionPage })));
const OwnRegionPage = lazy(() => import('../features/organisations/pages/region-page').then((m) => ({ default: m.OwnRegionPage })));
const OrganisationsPage = lazy(() => import('../features/organisations/pages/organisations-page').then((m) => ({ default: m.OrganisationsPage })));
const OrganisationPage = lazy(() => import('../features/organisations/pages/organisation-page').then((m) => ({ default: m.OrganisationPage })));
const OwnOrganisationPage = lazy(() => import('../features/organisations/pages/organisation-page').then((m) => ({ default: m.OwnOrganisationPage })));
const TeamPage = lazy(() => import('../features/organisations/pages/team-page').then((m) => ({ default: m.TeamPage })));
const SecondFactorPage = lazy(() => import('../features/staff-access/pages/second-factor-page').then((m) => ({ default: m.SecondFactorPage })));
const StaffConsentPage = lazy(() => import('../features/staff-access/pages/consent-page').then((m) => ({ default: m.StaffConsentPage })));
const SuspendedPage = lazy(() => import('../features/staff-access/pages/suspended-page').then((m) => ({ default: m.SuspendedPage })));
const SecurityPage = lazy(() => import('../features/staff-access/pages/security-page').then((m) => ({ default: m.SecurityPage })));
const StaffInvitationPage = lazy(() => import('../features/staff-access/pages/staff-invitation-page').then((m) => ({ default: m.StaffInvitationPage })));
const PlacesPage = lazy(() => import('../features/places/pages/places-page').then((m) => ({ default: m.PlacesPage })));
const PaperConsentsPage = lazy(() => import('../features/paper-consents/pages/paper-consents-page').then((m) => ({ default: m.PaperConsentsPage })));
const ParticipantsPage = lazy(() => import('../features/participants/pages/participants-page').then((m) => ({ default: m.ParticipantsPage })));
const ImportsPage = lazy(() => import('../features/participants/pages/imports-page').then((m) => ({ default: m.ImportsPage })));
const ImportPage = lazy(() => import('../features/participants/pages/import-page').then((m) => ({ default: m.ImportPage })));

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
      {
        path: '/participant',
        element: (
          <RequireRole roles={['participant']}>
            <ParticipantPage />
          </RequireRole>
        ),
      },
      {
        path: '/parent',
        element: (
          <RequireRole roles={['parent']}>
            <ParentPage />
          </RequireRole>
        ),
      },
      {
        path: '/parent/confirm',
        element: (
          <RequireRole roles={['parent']}>
            <ParentConfirmPage />
          </RequireRole>
        ),
      },
      {
        path: '/staff',
        element: (
          <RequireRole roles={STAFF_ROLES}>
            <StaffLayout />
          </RequireRole>
        ),
        // Each feature adds its staff pages here; STAFF_NAV in features/staff/staff-nav.ts links them.
        children: [
          { index: true, element: <StaffPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'regions', element: <RequireRole roles={PERMISSIONS['regions.read']}><RegionsPage /></RequireRole> },
          { path: 'regions/:regionId', element: <RequireRole roles={PERMISSIONS['regions.read']}><RegionPage /></RequireRole> },
          { path: 'region', element: <RequireRole roles={['regional_coordinator']}><OwnRegionPage /></RequireRole> },
          // The list spans a region or the country, so only those who look after one see it.
          { path: 'organisations', element: <RequireRole roles={['issuer_admin', 'regional_coordinator']}><OrganisationsPage /></RequireRole> },
          { path: 'organisations/:kind/:id', element: <RequireRole roles={PERMISSIONS['organisations.read']}><OrganisationPage /></RequireRole> },
          { path: 'organisation', element: <RequireRole roles={PERMISSIONS['organisations.read']}><OwnOrganisationPage /></RequireRole> },
          { path: 'team', element: <RequireRole roles={PERMISSIONS['staff.read']}><TeamPage /></RequireRole> },
          { path: 'second-factor', element: <SecondFactorPage /> },
          { path: 'consent', element: <StaffConsentPage /> },
          { path: 'suspended', element: <SuspendedPage /> },
          { path: 'security', element: <SecurityPage /> },
          {
            path: 'places',
            element: (
              <RequireRole roles={PERMISSIONS['places.read']}>
                <PlacesPage />
              </RequireRole>
            ),
          },
          { path: 'participants', element: <RequireRole roles={PERMISSIONS['participants.read']}><ParticipantsPage /></RequireRole> },
          { path: 'imports', element: <RequireRole roles={PERMISSIONS['imports.manage']}><ImportsPage /></RequireRole> },
          { path: 'imports/:id', element: <RequireRole roles={PERMISSIONS['imports.manage']}><ImportPage /></RequireRole> },
          {
            path: 'paper-consents',
            element: (
              <RequireRole roles={PERMISSIONS['paper_consents.read']}>
                <PaperConsentsPage />
              </RequireRole>
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
