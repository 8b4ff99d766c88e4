/**
 * The recorded outages, whole: the facts (facts.ts) joined with what the reports say (reports.ts). For the command
 * line, the tests and the panels that show the reports; the page's first code needs only the facts.
 */

import { INCIDENT_FACTS } from './facts.ts'
import { INCIDENT_REPORTS } from './reports.ts'
import type { Incident } from './types.ts'

// A missing report leaves its fields undefined: schema.ts names them.
export const INCIDENTS: readonly Incident[] = INCIDENT_FACTS.map((f) => ({ ...INCIDENT_REPORTS[f.id]!, ...f }))
