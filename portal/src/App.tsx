import { useEffect, useRef, type ReactNode } from 'react';
import { roleLabels } from './api/identity';
import { LanguageSwitch, useI18n } from './i18n';
import { ActivityNewPage } from './pages/ActivityNewPage';
import { ActivityPage } from './pages/ActivityPage';
import { ClaimPage } from './pages/ClaimPage';
import { ClaimsPage } from './pages/ClaimsPage';
import { DashboardPage } from './pages/DashboardPage';
import { ProjectPage } from './pages/ProjectPage';
import { ProjectsPage } from './pages/ProjectsPage';
import { SignInPage } from './pages/SignInPage';
import { SurveyPage } from './pages/SurveyPage';
import { SurveysPage } from './pages/SurveysPage';
import { match, navigate, useRoute } from './router';
import { isCoordinator, useSession } from './session';

export function App() {
  const path = useRoute();
  const { identity } = useSession();

  // The respondent's pages need no sign-in: the invitation token in the link is the credential.
  const survey = match('/survey/:token', path);
  if (survey) return <SurveyPage token={survey.token} />;

  if (!identity || path === '/sign-in') {
    if (identity && path === '/sign-in') navigate(isCoordinator(identity) ? '/dashboard' : '/projects');
    return <Frame title="Sign in"><SignInPage /></Frame>;
  }

  let page: ReactNode;
  let params: Record<string, string> | undefined;
  if ((params = match('/projects/:id', path))) page = <ProjectPage projectId={params.id} />;
  else if ((params = match('/projects/:id/activities/new', path))) page = <ActivityNewPage projectId={params.id} />;
  else if ((params = match('/activities/:id', path))) page = <ActivityPage activityId={params.id} />;
  else if ((params = match('/claims/:id', path))) page = <ClaimPage claimId={params.id} />;
  else if (path === '/claims') page = <ClaimsPage />;
  else if (path === '/dashboard' && isCoordinator(identity)) page = <DashboardPage />;
  else if (path === '/surveys' && isCoordinator(identity)) page = <SurveysPage />;
  else if (path === '/projects') page = <ProjectsPage />;
  else {
    navigate(isCoordinator(identity) ? '/dashboard' : '/projects');
    return null;
  }
  return <Frame title="" path={path}>{page}</Frame>;
}

function Frame({ children, path }: { children: ReactNode; title: string; path?: string }) {
  const { identity, signOut } = useSession();
  const { t } = useI18n();
  const main = useRef<HTMLElement>(null);
  // A new page moves the focus to its heading, as a page load would, so screen readers announce it.
  useEffect(() => {
    const heading = main.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [path]);
  const links: [string, string][] = identity
    ? isCoordinator(identity)
      ? [['/dashboard', 'Dashboard'], ['/claims', 'Claims'], ['/surveys', 'Surveys'], ['/projects', 'Projects']]
      : [['/projects', 'My projects'], ['/claims', 'Claims']]
    : [];
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>{t('skip')}</a>
      <header className="site-header">
        <div className="brand">{t('app.name')}</div>
        {identity && (
          <nav aria-label="Main">
            <ul>
              {links.map(([href, label]) => (
                <li key={href}>
                  <a href={'#' + href} aria-current={path?.startsWith(href) ? 'page' : undefined}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="session">
          <LanguageSwitch />
          {identity && (
            <>
              <span className="who" data-testid="who">
                {identity.organisationName ?? identity.organisationId ?? ''} <span className="role">({roleLabels[identity.role]})</span>
              </span>
              <button type="button" className="secondary" onClick={signOut}>Sign out</button>
            </>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>{children}</main>
    </>
  );
}
