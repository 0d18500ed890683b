/** Every operation of the app, by name: the one list the CLI and server expose. */
import { tokenCreateOperation, tokenListOperation, tokenRevokeOperation, userAddOperation, userDisableOperation, userListOperation, userResetPasswordOperation } from './operations/accounts.js';
import { auditListOperation, auditVerifyOperation } from './operations/audit.js';
import { loginOperation } from './auth.js';
import {
  recordAssessmentOperation,
  recordDecisionOperation,
  recordEscalationOperation,
  recordEventOperation,
  recordGateOperation,
  recordSourceOperation,
  recordStatementOperation,
} from './operations/record.js';
import { assessmentsOperation, statementsOperation } from './operations/statements.js';
import { briefOperation } from './operations/brief.js';
import { changesOperation } from './operations/changes.js';
import { criteriaOperation } from './operations/criteria.js';
import { migrateOperation, seedOperation, statusOperation } from './operations/db.js';
import { synthOperation } from './operations/dev.js';
import { backupOperation, exportOperation, importOperation, restoreOperation } from './operations/exchange.js';
import { ingestAddOperation, ingestAddTextOperation } from './operations/ingest-add.js';
import { ingestEvalOperation } from './operations/ingest-eval.js';
import { ingestExtractOperation } from './operations/ingest-extract.js';
import { forecastOperation } from './operations/forecast.js';
import { ingestAcceptOperation, ingestDocumentOperation, ingestEditOperation, ingestListOperation, ingestRejectOperation } from './operations/ingest-review.js';
import { currentPlanOperation, planSchemaOperation, validatePlanOperation } from './operations/plan.js';
import { reportOperation } from './operations/report.js';
import { sourcesOperation } from './operations/sources.js';
import { timelineOperation } from './operations/timeline.js';

export const operations = {
  brief: briefOperation,
  changes: changesOperation,
  timeline: timelineOperation,
  sources: sourcesOperation,
  criteria: criteriaOperation,
  forecast: forecastOperation,
  report: reportOperation,
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
  ingestAddText: ingestAddTextOperation,
  ingestDocument: ingestDocumentOperation,
  plan: currentPlanOperation,
  statements: statementsOperation,
  assessments: assessmentsOperation,
  recordAssessment: recordAssessmentOperation,
  recordSource: recordSourceOperation,
  recordStatement: recordStatementOperation,
  recordEvent: recordEventOperation,
  recordGateRecord: recordGateOperation,
  recordDecision: recordDecisionOperation,
  recordEscalation: recordEscalationOperation,
  login: loginOperation,
  userAdd: userAddOperation,
  userList: userListOperation,
  userDisable: userDisableOperation,
  userResetPassword: userResetPasswordOperation,
  tokenCreate: tokenCreateOperation,
  tokenList: tokenListOperation,
  tokenRevoke: tokenRevokeOperation,
  auditVerify: auditVerifyOperation,
  auditList: auditListOperation,
} as const;
