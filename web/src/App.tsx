/** The dashboard shell: login, the reader and their releasability, the as-of date and the view (kept in the URL), downloads. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { currentSession, login, logout, type SessionUser } from './api';
import { assessedParty, isEvidenceWriter } from './roles';
import { formatHash, parseHash, type Route, type View } from './route';
import type { Plan } from './types';
import { useResource } from './useResource';
import { Assess } from './views/Assess';
import { Conditions } from './views/Conditions';
import { Decisions } from './views/Decisions';
import { Evidence } from './views/Evidence';
import { Forecast } from './views/Forecast';
import { Ingest } from './views/Ingest';
import { Overview } from './views/Overview';
import { Timeline } from './views/Timeline';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const today = () => new Date().toISOString().slice(0, 10);

const TABS: readonly { readonly view: View; readonly label: string; readonly isShown: (u: SessionUser) => boolean }[] = [
  { view: 'overview', label: 'Overview', isShown: () => true },
  { view: 'conditions', label: 'Conditions', isShown: () => true },
  { view: 'forecast', label: 'Forecast', isShown: () => true },
  { view: 'timeline', label: 'Timeline', isShown: () => true },
  { view: 'decisions', label: 'Decisions & escalation', isShown: () => true },
  { view: 'evidence', label: 'Evidence', isShown: () => true },
  { view: 'assess', label: 'Assess', isShown: (u) => assessedParty(u) !== null },
  { view: 'ingest', label: 'Ingestion review', isShown: (u) => isEvidenceWriter(u) },
];

function Login({ onLogin }: { readonly onLogin: (user: SessionUser) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const r = await login(username, password);
    if (r.ok) onLogin(r.value);
    else setError(r.error.message);
  };
  return (
    <main className="login">
      <h1>OPCON Transition Monitor</h1>
      <form onSubmit={(e) => void submit(e)}>
        <label>Username <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required /></label>
        <label>Password <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label>
        <button type="submit">Log in</button>
        {error !== null && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}

function useRoute(): [Route, (view: View, params?: Readonly<Record<string, string | undefined>>) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((view: View, params: Readonly<Record<string, string | undefined>> = {}) => {
    const hash = formatHash(view, params);
    if (hash !== window.location.hash) window.location.hash = hash;
    setRoute(parseHash(hash));
  }, []);
  return [route, go];
}

function Shell({ user, onLogout }: { readonly user: SessionUser; readonly onLogout: () => void }) {
  const [route, go] = useRoute();
  const asOfParam = route.params.get('asOf');
  const asOf = asOfParam !== null && ISO_DATE.test(asOfParam) ? asOfParam : today();
  const [draft, setDraft] = useState(asOf);
  useEffect(() => setDraft(asOf), [asOf]);
  const plan = useResource<Plan>('/api/plan', {});
  const tabs = TABS.filter((t) => t.isShown(user));
  const view = tabs.some((t) => t.view === route.view) ? route.view : 'overview';
  const report = (format: string) => `/api/report?format=${format}&asOf=${asOf}`;
  const open = (v: View, params: Readonly<Record<string, string | undefined>> = {}) => go(v, { asOf, ...params });
  return (
    <>
      <header className="top">
        <h1>OPCON Transition Monitor</h1>
        <form
          className="asof"
          onSubmit={(e) => {
            e.preventDefault();
            if (ISO_DATE.test(draft)) go(view, { ...Object.fromEntries(route.params), asOf: draft });
          }}
        >
          <label>As of <input type="date" name="asOf" value={draft} max={today()} min="1950-01-01" onChange={(e) => setDraft(e.target.value)} /></label>
          <button type="submit">Show</button>
        </form>
        <nav aria-label="Download the brief" className="downloads">
          Brief: <a href={report('pdf')} download>PDF</a> · <a href={report('html')} download>HTML</a> · <a href={report('md')} download>Markdown</a>
        </nav>
        <span className="who">
          {user.username} ({user.role}, reads as {user.party}){' '}
          <button type="button" onClick={onLogout}>Log out</button>
        </span>
      </header>
      <nav aria-label="Views" className="tabs">
        {tabs.map((t) => (
          <a key={t.view} href={formatHash(t.view, { asOf })} aria-current={t.view === view ? 'page' : undefined}>{t.label}</a>
        ))}
      </nav>
      <main>
        {plan.state === 'failed' && <p role="alert">The plan could not be read: {plan.error.message}</p>}
        {plan.state === 'loading' && <p role="status">Loading the plan…</p>}
        {plan.state === 'ready' && (
          <>
            {view === 'overview' && <Overview asOf={asOf} />}
            {view === 'conditions' && <Conditions asOf={asOf} plan={plan.value} selected={route.params.get('criterion')} onSelect={(id) => open('conditions', { criterion: id ?? undefined })} />}
            {view === 'forecast' && <Forecast asOf={asOf} plan={plan.value} />}
            {view === 'timeline' && <Timeline asOf={asOf} plan={plan.value} />}
            {view === 'decisions' && <Decisions asOf={asOf} plan={plan.value} />}
            {view === 'evidence' && <Evidence asOf={asOf} plan={plan.value} />}
            {view === 'assess' && <Assess asOf={asOf} plan={plan.value} user={user} />}
            {view === 'ingest' && <Ingest plan={plan.value} />}
          </>
        )}
      </main>
    </>
  );
}

export function App() {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  useEffect(() => {
    void currentSession().then((r) => setUser(r.ok ? r.value : null));
  }, []);
  if (user === undefined) return <p role="status">Loading…</p>;
  if (user === null) return <Login onLogin={setUser} />;
  return <Shell user={user} onLogout={() => void logout().then(() => setUser(null))} />;
}
