/** The dashboard shell: login, the reader and their releasability, the as-of date (kept in the URL), downloads, the overview. */
import { useEffect, useState, type FormEvent } from 'react';
import { currentSession, login, logout, type SessionUser } from './api';
import { Overview } from './Overview';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function asOfFromHash(): string {
  const match = /asOf=(\d{4}-\d{2}-\d{2})/.exec(window.location.hash);
  return match?.[1] ?? new Date().toISOString().slice(0, 10);
}

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

export function App() {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [asOf, setAsOf] = useState(asOfFromHash);
  const [draft, setDraft] = useState(asOf);
  useEffect(() => {
    void currentSession().then((r) => setUser(r.ok ? r.value : null));
  }, []);
  useEffect(() => {
    window.location.hash = `#/overview?asOf=${asOf}`;
  }, [asOf]);
  if (user === undefined) return <p role="status">Loading…</p>;
  if (user === null) return <Login onLogin={setUser} />;
  const report = (format: string) => `/api/report?format=${format}&asOf=${asOf}`;
  return (
    <>
      <header className="top">
        <h1>OPCON Transition Monitor</h1>
        <form
          className="asof"
          onSubmit={(e) => {
            e.preventDefault();
            if (ISO_DATE.test(draft)) setAsOf(draft);
          }}
        >
          <label>As of <input type="date" name="asOf" value={draft} max={new Date().toISOString().slice(0, 10)} min="1950-01-01" onChange={(e) => setDraft(e.target.value)} /></label>
          <button type="submit">Show</button>
        </form>
        <nav aria-label="Download the brief">
          Brief: <a href={report('pdf')} download>PDF</a> · <a href={report('html')} download>HTML</a> · <a href={report('md')} download>Markdown</a>
        </nav>
        <span className="who">
          {user.username} ({user.role}, reads as {user.party}){' '}
          <button type="button" onClick={() => void logout().then(() => setUser(null))}>Log out</button>
        </span>
      </header>
      <main>
        <Overview asOf={asOf} />
      </main>
    </>
  );
}
