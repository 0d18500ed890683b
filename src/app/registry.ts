/** Every operation of the app, by name: the one list the CLI and server expose. */
import { briefOperation } from './operations/brief.js';
import { criteriaOperation } from './operations/criteria.js';
import { forecastOperation } from './operations/forecast.js';
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
} as const;
