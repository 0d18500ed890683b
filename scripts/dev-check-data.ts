// Interim checker for the data files while the real loader is built: schema + id resolution.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { parse } from 'yaml';
import { PlanSchema } from '../src/core/plan/schema.js';
import { LEDGER_FILES, DatasetManifestSchema } from '../src/core/ledger/schema.js';

const dir = process.argv[2] ?? 'data/datasets/opcon-public-record';
const fileNames: Record<string, string> = {
  sources: 'sources.yaml', statements: 'statements.yaml', events: 'events.yaml', assessments: 'assessments.yaml',
  gateRecords: 'gate-records.yaml', decisions: 'decisions.yaml', escalations: 'escalations.yaml',
};
let errors = 0;
const report = (msg: string) => { errors++; console.log(msg); };
const manifest = DatasetManifestSchema.safeParse(parse(readFileSync(join(dir, 'dataset.yaml'), 'utf8')));
const planPath = manifest.success ? join(dir, manifest.data.plan) : 'data/plans/opcon.yaml';
if (!manifest.success) report(`dataset.yaml: ${manifest.error.message}`);
const ids = new Map<string, Set<string>>();
let plan: any = undefined;
if (existsSync(planPath)) {
  const p = PlanSchema.safeParse(parse(readFileSync(planPath, 'utf8')));
  if (!p.success) for (const i of p.error.issues) report(`plan ${i.path.join('.')}: ${i.message}`);
  else plan = p.data;
}
const data: Record<string, any[]> = {};
for (const [key, schema] of Object.entries(LEDGER_FILES)) {
  const file = join(dir, fileNames[key]!);
  if (!existsSync(file)) { console.log(`(missing ${file})`); data[key] = []; continue; }
  const raw = parse(readFileSync(file, 'utf8')) ?? [];
  if (!Array.isArray(raw)) { report(`${file}: must be a list`); continue; }
  data[key] = [];
  raw.forEach((item, i) => {
    const r = (schema as any).safeParse(item);
    if (!r.success) for (const iss of r.error.issues) report(`${fileNames[key]}[${i}] (${item?.id}) ${iss.path.join('.')}: ${iss.message}`);
    else data[key]!.push(r.data);
  });
  const set = new Set<string>();
  for (const item of data[key]!) { if (set.has(item.id)) report(`${fileNames[key]}: duplicate id ${item.id}`); set.add(item.id); }
  ids.set(key, set);
}
const has = (k: string, id: string) => ids.get(k)?.has(id) ?? false;
const planIds = (k: string) => new Set<string>((plan?.[k] ?? []).map((x: any) => x.id));
const crit = planIds('criteria'), cond = planIds('conditions'), forums = planIds('forums'), stages = planIds('stages'), parties = planIds('parties');
const checkSrc = (where: string, list: string[] = []) => list.forEach((s) => has('sources', s) || report(`${where}: unknown source ${s}`));
if (plan) {
  for (const k of ['conditions', 'criteria', 'stages', 'forums', 'milestones', 'targets', 'revisions'])
    for (const x of plan[k] ?? []) checkSrc(`plan ${k} ${x.id}`, x.sourceIds);
  for (const c of plan.conditions) { checkSrc(`plan condition ${c.id} officialWording`, c.officialWording.sourceIds); c.alternateWordings.forEach((w: any) => checkSrc(`plan condition ${c.id} alt`, w.sourceIds)); }
  for (const s of plan.stages) for (const st of s.substeps) { checkSrc(`plan stage ${s.id}.${st.kind}`, st.sourceIds); st.slips.forEach((sl: any) => checkSrc(`plan stage ${s.id} slip`, sl.sourceIds)); }
  plan.endState?.elements.forEach((e: any) => checkSrc('plan endState', e.sourceIds));
}
for (const s of data.statements ?? []) {
  if (!has('sources', s.sourceId)) report(`statement ${s.id}: unknown source ${s.sourceId}`);
  if (plan) { s.conditionIds.forEach((c: string) => cond.has(c) || report(`statement ${s.id}: unknown condition ${c}`));
    s.criterionIds.forEach((c: string) => crit.has(c) || report(`statement ${s.id}: unknown criterion ${c}`));
    s.forumIds.forEach((c: string) => forums.has(c) || report(`statement ${s.id}: unknown forum ${c}`)); }
}
for (const e of data.events ?? []) { checkSrc(`event ${e.id}`, e.sourceIds); if (plan && e.forumId && !forums.has(e.forumId)) report(`event ${e.id}: unknown forum ${e.forumId}`); if (plan && e.stageId && !stages.has(e.stageId)) report(`event ${e.id}: unknown stage ${e.stageId}`); }
for (const a of data.assessments ?? []) {
  checkSrc(`assessment ${a.id}`, a.sourceIds);
  a.statementIds.forEach((s: string) => has('statements', s) || report(`assessment ${a.id}: unknown statement ${s}`));
  if (plan) { if (!parties.has(a.party)) report(`assessment ${a.id}: unknown party ${a.party}`);
    if (a.criterionId && !crit.has(a.criterionId)) report(`assessment ${a.id}: unknown criterion ${a.criterionId}`);
    if (a.conditionId && !cond.has(a.conditionId)) report(`assessment ${a.id}: unknown condition ${a.conditionId}`); }
}
for (const k of ['gateRecords', 'decisions', 'escalations']) for (const r of data[k] ?? []) {
  checkSrc(`${k} ${r.id}`, r.sourceIds);
  (r.statementIds ?? []).forEach((s: string) => has('statements', s) || report(`${k} ${r.id}: unknown statement ${s}`));
  if (plan && r.forumId && !forums.has(r.forumId)) report(`${k} ${r.id}: unknown forum ${r.forumId}`);
  if (plan && r.stageId && !stages.has(r.stageId)) report(`${k} ${r.id}: unknown stage ${r.stageId}`);
}
for (const s of data.sources ?? []) if (s.fullTextFile && !existsSync(join(dir, s.fullTextFile))) report(`source ${s.id}: missing full text ${s.fullTextFile}`);
// Quotes attributed to sources with full text must appear verbatim.
for (const st of data.statements ?? []) {
  const src = (data.sources ?? []).find((s) => s.id === st.sourceId);
  if (src?.fullTextFile && st.isVerbatim) {
    const text = readFileSync(join(dir, src.fullTextFile), 'utf8');
    if (!text.includes(st.text)) report(`statement ${st.id}: quote not verbatim in ${src.fullTextFile}`);
  }
}
console.log(Object.entries(data).map(([k, v]) => `${k}: ${v.length}`).join(', '));
console.log(errors === 0 ? 'OK' : `${errors} problem(s)`);
process.exit(errors === 0 ? 0 : 1);
void dirname;
