/** Every operation of the app, by name: the one list the CLI and server expose. */
import { briefOperation } from './operations/brief.js';
import { criteriaOperation } from './operations/criteria.js';
import { migrateOperation, seedOperation, statusOperation } from './operations/db.js';
import { synthOperation } from './operations/dev.js';
import { backupOperation, exportOperation, importOperation, restoreOperation } from './operations/exchange.js';
import { ingestAddOperation } from './operations/ingest-add.js';
import { ingestEvalOperation } from './operations/ingest-eval.js';
import { ingestExtractOperation } from './operations/ingest-extract.js';
import { forecastOperation } from './operations/forecast.js';
import { ingestAcceptOperation, ingestEditOperation, ingestListOperation, ingestRejectOperation } from './operations/ingest-review.js';
import { planSchemaOperation, validatePlanOperation } from './operations/plan.js';
import { sourcesOperation } from './operations/sources.js';
import { timelineOperation } from './operations/timeline.js';

export const operations = {
  brief: briefOperation,
  timeline: timelineOperation,
  sources: sourcesOperation,
  criteria: criteriaOperation,
  forecast: forecastOperation,
  validatePlan: validatePlanOperation,
  planSchema: planSchemaOperation,
  dbMigrate: migrateOperation,
  dbStatus: statusOperation,
  dbSeed: seedOperation,
  export: exportOperation,
  import: importOperation,
  backup: backupOperation,
  restore: restoreOperation,
  devSynth: synthOperation,
  ingestExtract: ingestExtractOperation,
  ingestEval: ingestEvalOperation,
  ingestAdd: ingestAddOperation,
  ingestList: ingestListOperation,
  ingestAccept: ingestAcceptOperation,
  ingestEdit: ingestEditOperation,
  ingestReject: ingestRejectOperation,
} as const;
