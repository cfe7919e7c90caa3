/**
 * The planner's scenario validation: the document's own content (`scenario/validate.ts`: schema
 * and semantic pass), then what only the derivation can tell: the flow count, each flow's path,
 * overlapping windows and shocks, and the numeric spans that keep the model finite and within
 * the solver's range (`limits.ts`). Each step runs only when the previous ones found nothing,
 * since it derives from what they check. It never throws on any input.
 */
import { validateDocument, type ValidationResult } from '../scenario/validate.ts'
import type { ValidationIssue } from '../scenario/issues.ts'
import type { Scenario } from '../scenario/types.ts'
import { expandFlows } from './flows.ts'
import { buildInstance } from './instance.ts'
import { MAX_FLOWS, countFlows, numericSpanProblems, overlapProblems } from './limits.ts'
import { PathFinder } from './paths.ts'

export type { ValidationIssue, ValidationResult } from '../scenario/validate.ts'

/** Validates and completes a scenario document (any JSON value). */
export function validateScenario(input: unknown): ValidationResult {
  const document = validateDocument(input)
  if (!document.ok) return document
  const issues = derivedProblems(document.scenario)
  return issues.length === 0 ? document : { ok: false, issues }
}

/** Problems of a valid document that show only in its derivation. */
export function derivedProblems(s: Scenario): ValidationIssue[] {
  const flowCount = countFlows(s)
  if (flowCount > MAX_FLOWS)
    return [
      {
        path: 'processes',
        message: `expand into ${flowCount} flows (processes × endpoint pairs); at most ${MAX_FLOWS} are supported`,
      },
    ]
  const paths = new PathFinder(s.qkd.links)
  const pathIssues = flowPathProblems(s, paths)
  if (pathIssues.length > 0) return pathIssues
  const overlaps = overlapProblems(s)
  if (overlaps.length > 0) return overlaps
  // Costs, key and latency need only each flow's first path.
  return numericSpanProblems(buildInstance(s, undefined, { pathsPerFlow: 1, pathFinder: paths }))
}

/** Flows listed twice and flows whose end nodes no links connect. */
function flowPathProblems(s: Scenario, paths: PathFinder): ValidationIssue[] {
  const out: ValidationIssue[] = []
  const seen = new Set<string>()
  for (const flow of expandFlows(s)) {
    const path = `processes[${flow.processIndex}].endpoints`
    // A repeated pair would count its traffic twice; contrived ids could also collide.
    if (seen.has(flow.id)) {
      out.push({
        path,
        message: `flow "${flow.id}" appears twice; list each {from, to} pair once per process`,
      })
      continue
    }
    seen.add(flow.id)
    if (!paths.connected(flow.from, flow.to)) {
      const id = s.processes[flow.processIndex]?.id ?? ''
      out.push({
        path,
        message: `flow ${flow.from} -> ${flow.to} of process "${id}" has no QKD path: the nodes are not connected by links`,
      })
    }
  }
  return out
}
