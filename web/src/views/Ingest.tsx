/** Ingestion review: paste or upload an article, see the statements extracted from it highlighted in the text, and accept, edit or reject each into evidence. */
import { Choice } from '../Choice';
import { Fragment, useState, type FormEvent, type ReactElement } from 'react';
import { get, post, type ApiFailure } from '../api';
import type { Plan, ReviewItem } from '../types';

const SIDES = ['ROK', 'US', 'combined', 'other'] as const;
const STANCES = ['accelerate', 'cautious', 'neutral'] as const;
const MAX_BYTES = 2 * 1024 * 1024;

interface IngestDocument {
  readonly text: string;
  readonly items: readonly ReviewItem[];
}

/** The text cut at the proposals' spans, each span a highlighted, numbered mark. */
function Highlighted({ text, items, focused }: { readonly text: string; readonly items: readonly ReviewItem[]; readonly focused: number | null }) {
  const spans = [...items].sort((a, b) => a.proposal.span.start - b.proposal.span.start);
  const parts: ReactElement[] = [];
  let at = 0;
  for (const item of spans) {
    const { start, end } = item.proposal.span;
    if (start < at) continue;
    parts.push(<Fragment key={`t${at}`}>{text.slice(at, start)}</Fragment>);
    parts.push(
      <mark key={`m${item.id}`} id={`span-${item.id}`} className={`${item.status}${focused === item.id ? ' focused' : ''}`} title={`Proposal ${item.id} (${item.status})`}>
        <sup>{item.id}</sup>{text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return <div className="article" aria-label="The article with the extracted statements highlighted">{parts}</div>;
}

function Proposal({ item, plan, onChange, onFocus }: { readonly item: ReviewItem; readonly plan: Plan; readonly onChange: () => void; readonly onFocus: () => void }) {
  const [fields, setFields] = useState({ text: item.fields.text, speaker: item.fields.speaker ?? '', role: item.fields.role ?? '', side: item.fields.side === 'unknown' ? '' : item.fields.side, stance: item.fields.stance ?? '' });
  const [criteria, setCriteria] = useState<readonly string[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiFailure | null>(null);
  const act = async (path: string, body: unknown) => {
    setError(null);
    const r = await post(`/api/ingest/proposals/${item.id}/${path}`, body);
    if (r.ok) onChange();
    else setError(r.error);
  };
  const changed = Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => v !== '' && v !== ((item.fields as unknown as Record<string, string | null>)[k] ?? '')),
  );
  const isPending = item.status === 'pending';
  return (
    <li className={`proposal ${item.status}`} onFocus={onFocus} onMouseEnter={onFocus}>
      <h3>
        Proposal {item.id} <span className="badge">{item.status}{item.isEdited ? ', edited' : ''}</span> <span className="muted">confidence {Math.round(item.proposal.confidence * 100)}%{item.proposal.conditions.length > 0 ? ` · conditions ${item.proposal.conditions.join(', ')}` : ''}</span>
      </h3>
      <label>Text <textarea rows={2} value={fields.text} disabled={!isPending} onChange={(e) => setFields({ ...fields, text: e.target.value })} /></label>
      <div className="row">
        <label>Speaker <input value={fields.speaker} disabled={!isPending} onChange={(e) => setFields({ ...fields, speaker: e.target.value })} /></label>
        <label>Role <input value={fields.role} disabled={!isPending} onChange={(e) => setFields({ ...fields, role: e.target.value })} /></label>
        <Choice label="Side" value={fields.side} isDisabled={!isPending} onChange={(side) => setFields({ ...fields, side })} options={SIDES} empty="unknown" />
        <Choice label="Stance" value={fields.stance} isDisabled={!isPending} onChange={(stance) => setFields({ ...fields, stance })} options={STANCES} empty="none" />
      </div>
      {isPending && (
        <>
          <label>
            Criteria it speaks to{' '}
            <select multiple size={4} value={[...criteria]} onChange={(e) => setCriteria([...e.target.selectedOptions].map((o) => o.value))}>
              {plan.criteria.map((c) => <option key={c.id} value={c.id}>{c.id}</option>)}
            </select>
          </label>
          <div className="row">
            <button type="button" disabled={Object.keys(changed).length === 0} onClick={() => void act('edit', changed)}>Save edits</button>
            <button type="button" disabled={Object.keys(changed).length > 0} title={Object.keys(changed).length > 0 ? 'Save the edits first' : undefined} onClick={() => void act('accept', { criterionIds: criteria })}>Accept into evidence</button>
            <label>Reason <input value={reason} onChange={(e) => setReason(e.target.value)} size={16} /></label>
            <button type="button" onClick={() => void act('reject', reason.trim() === '' ? {} : { reason: reason.trim() })}>Reject</button>
          </div>
        </>
      )}
      {error !== null && <p role="alert">{error.message}{error.path === undefined ? '' : ` (${error.path})`}</p>}
    </li>
  );
}

export function Ingest({ plan }: { readonly plan: Plan }) {
  const [text, setText] = useState('');
  const [meta, setMeta] = useState({ outlet: '', published: '', url: '', title: '', name: '' });
  const [error, setError] = useState<ApiFailure | string | null>(null);
  const [docId, setDocId] = useState<string | null>(null);
  const [doc, setDoc] = useState<IngestDocument | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const load = async (id: string) => {
    const r = await get<IngestDocument>(`/api/ingest/documents/${id}`, {});
    if (r.ok) setDoc(r.value);
    else setError(r.error);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body = { text, ...Object.fromEntries(Object.entries(meta).filter(([, v]) => v.trim() !== '')) };
    const r = await post<{ readonly document: { readonly id: string }; readonly isNew: boolean; readonly proposalIds: readonly number[] }>('/api/ingest/documents', body);
    if (!r.ok) return setError(r.error);
    setDocId(r.value.document.id);
    setNote(r.value.isNew ? `Stored as ${r.value.document.id}: ${r.value.proposalIds.length} ${r.value.proposalIds.length === 1 ? 'statement' : 'statements'} proposed.` : `This article is already stored as ${r.value.document.id}; its proposals are shown.`);
    await load(r.value.document.id);
  };
  const upload = (file: File | undefined) => {
    if (file === undefined) return;
    if (file.size > MAX_BYTES) return setError(`${file.name} is over 2 MB`);
    void file.text().then((t) => {
      setText(t);
      setMeta((m) => ({ ...m, name: file.name }));
    });
  };
  return (
    <div className="grid wide">
      <section aria-labelledby="ingest-h">
        <h2 id="ingest-h">Add an article</h2>
        <form onSubmit={(e) => void submit(e)} className="form">
          <label>Article text (plain text or HTML) <textarea rows={10} value={text} onChange={(e) => setText(e.target.value)} required /></label>
          <label>Or upload a file <input type="file" accept=".txt,.html,.htm,.md,text/plain,text/html" onChange={(e) => upload(e.target.files?.[0])} /></label>
          <div className="row">
            <label>Outlet <input value={meta.outlet} onChange={(e) => setMeta({ ...meta, outlet: e.target.value })} /></label>
            <label>Published <input type="date" value={meta.published} onChange={(e) => setMeta({ ...meta, published: e.target.value })} /></label>
          </div>
          <label>URL <input type="url" value={meta.url} onChange={(e) => setMeta({ ...meta, url: e.target.value })} placeholder="https://…" /></label>
          <label>Title <input value={meta.title} onChange={(e) => setMeta({ ...meta, title: e.target.value })} /></label>
          <button type="submit" disabled={text.trim() === ''}>Extract statements</button>
        </form>
        {error !== null && <p role="alert">{typeof error === 'string' ? error : `${error.message}${error.path === undefined ? '' : ` (${error.path})`}`}</p>}
        {note !== '' && <p role="status">{note}</p>}
        {doc !== null && <Highlighted text={doc.text} items={doc.items} focused={focused} />}
      </section>
      {doc !== null && docId !== null && (
        <section aria-labelledby="proposals-h">
          <h2 id="proposals-h">Proposed statements ({doc.items.filter((i) => i.status === 'pending').length} pending)</h2>
          {doc.items.length === 0 ? (
            <p>No statement about the transfer was found in this article.</p>
          ) : (
            <ol className="proposals">
              {doc.items.map((item) => <Proposal key={`${item.id}-${item.status}-${item.isEdited}`} item={item} plan={plan} onFocus={() => setFocused(item.id)} onChange={() => void load(docId)} />)}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
