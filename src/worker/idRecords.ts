/**
 * Worker answers cross to the page by structured clone, which keeps every own key (`__proto__`
 * included: the clone defines properties, it does not assign them) but gives every object
 * `Object.prototype` back. On such a record an id that is absent reads an inherited member:
 * `plan.utilization['constructor']` is the `Object` function for a link the plan does not have
 * yet. The client therefore hands the page the id-indexed records without a prototype again.
 */
import type { Comparison } from '../domain/report/comparisonReport.ts'
import type { PolicyReport } from '../domain/report/oracleReport.ts'
import { idRecordOf } from '../domain/util/idRecord.ts'
import type { ComparisonResponse, OraclePlan, OracleResponse } from './api.ts'

/** The same record without a prototype (own keys only, `__proto__` among them). */
function detached<T>(record: Record<string, T>): Record<string, T> {
  return Object.getPrototypeOf(record) === null ? record : idRecordOf(Object.entries(record))
}

function policyWithIdRecords<P extends PolicyReport>(report: P): P {
  return { ...report, links: detached(report.links) }
}

/** A plan whose per-link and per-process records have no prototype. */
export function planWithIdRecords(plan: OraclePlan): OraclePlan {
  return {
    ...policyWithIdRecords(plan),
    byProcess: detached(plan.byProcess),
    supplyBits: detached(plan.supplyBits),
    utilization: detached(plan.utilization),
  }
}

/** A comparison whose policies' per-link records have no prototype. */
export function comparisonWithIdRecords(comparison: Comparison): Comparison {
  const policies: Comparison['policies'] = {}
  for (const [name, report] of Object.entries(comparison.policies) as Array<
    [keyof Comparison['policies'], Comparison['policies'][keyof Comparison['policies']]]
  >)
    if (report !== undefined) policies[name] = policyWithIdRecords(report)
  return { ...comparison, policies }
}

export function oracleResponseWithIdRecords(response: OracleResponse): OracleResponse {
  return response.ok ? { ...response, plan: planWithIdRecords(response.plan) } : response
}

export function comparisonResponseWithIdRecords(response: ComparisonResponse): ComparisonResponse {
  return response.ok
    ? { ...response, comparison: comparisonWithIdRecords(response.comparison) }
    : response
}
