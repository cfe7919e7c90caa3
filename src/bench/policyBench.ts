/**
 * Policy benchmark (a script, not a test): the speed targets of the policy comparison and the
 * paper's claims over Monte Carlo days on the representative scenario.
 *
 *   npx tsx src/bench/policyBench.ts [--runs N] [--days N] [--quick]
 *
 * Prints medians and ratios; targets are printed beside them, never asserted.
 */
import { buildInstance } from '../domain/derive/instance.ts'
import {
  evaluateDay,
  monteCarlo,
  POLICY_NAMES,
  prepareEvaluation,
  disposeEvaluation,
} from '../domain/policy/evaluate.ts'
import { proposedController } from '../domain/policy/proposed.ts'
import { simulateDay } from '../domain/policy/simulate.ts'
import { comparePolicies } from '../domain/report/comparisonReport.ts'
import { representativeScenario } from '../domain/scenario/builtins/representative.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'
import { loadSolver } from '../node/loadSolver.ts'
import { benchArgs } from './benchArgs.ts'
import { mean, median, verdict } from './stats.ts'

const quick = process.argv.includes('--quick')
const { numbers } = benchArgs({
  usage: 'usage: tsx src/bench/policyBench.ts [--quick] [--runs N] [--days N]',
  numbers: { runs: quick ? 1 : 5, days: quick ? 5 : 50 },
  flags: ['quick'],
})
const runs = numbers.runs as number
const days = numbers.days as number

const validated = validateScenario(representativeScenario())
if (!validated.ok) throw new Error('representative scenario does not validate')
const scenario = validated.scenario
const highs = await loadSolver()
// Warm the solver's wasm first: a fresh instance's first solves are several times slower.
comparePolicies(highs, scenario, ['oracle'], 1)

const allMs: number[] = []
for (let i = 0; i < runs; i++) {
  const t0 = performance.now()
  comparePolicies(highs, scenario, POLICY_NAMES, 1)
  allMs.push(performance.now() - t0)
}
const all = median(allMs)
console.log(
  `--policy all, representative day (median of ${runs}): ${all.toFixed(0)} ms  [target ≤ 2000 ms: ${verdict(all, 2000)}]`,
)

const context = prepareEvaluation(highs, scenario, POLICY_NAMES)
try {
  const controller = proposedController(context.forecast, context.robust)
  const sim = simulateDay(buildInstance(scenario, 0), context.forecast, controller)
  console.log(
    `proposed controller step (median over 96 slots): ${sim.stepMsMedian.toFixed(3)} ms  [target ≤ 5 ms: ${verdict(sim.stepMsMedian, 5)}]`,
  )
  console.log(
    `day-ahead plans (nominal + robust over ${scenario.uncertainty.scenarioCount} sampled days): ${(context.robust.solveMs + context.nominal.solveMs).toFixed(0)} ms`,
  )
  const t0 = performance.now()
  const mc = monteCarlo(context, days, POLICY_NAMES)
  const mcMs = performance.now() - t0
  console.log(
    `${days} Monte Carlo days, all policies: ${(mcMs / 1000).toFixed(1)} s  [target for 50 days ≤ 60 s: ${verdict((mcMs * 50) / days, 60_000)}]`,
  )
  console.log('')
  console.log(
    'policy     mean risk €   CVaR95 risk €   mean SLA violations   mean regret   proposed better on',
  )
  const perPolicy = (name: string) =>
    mc.perDay.map((d) => d.find((p) => p.policy === name)?.metrics)
  const oracleObj = perPolicy('oracle').map((m) => m?.objectiveEur ?? Number.NaN)
  const proposed = perPolicy('proposed')
  for (const name of POLICY_NAMES) {
    const metrics = perPolicy(name)
    const r = mc.robustness[name]
    const regret = mean(
      metrics.map((m, d) => ((m?.objectiveEur ?? 0) - (oracleObj[d] ?? 0)) / (oracleObj[d] ?? 1)),
    )
    const better =
      name === 'proposed' || name === 'oracle'
        ? ''
        : `${metrics.filter((m, d) => (proposed[d]?.residualRiskEur ?? Infinity) < (m?.residualRiskEur ?? 0)).length}/${days} days (risk)`
    console.log(
      `${name.padEnd(9)} ${(r?.meanRiskEur ?? 0).toFixed(1).padStart(12)} ${(r?.cvar95RiskEur ?? 0).toFixed(1).padStart(15)} ${mean(
        metrics.map((m) => m?.slaViolations ?? 0),
      )
        .toFixed(0)
        .padStart(21)} ${(regret * 100).toFixed(2).padStart(12)}%   ${better}`,
    )
  }
  const day0 = evaluateDay(context, 0, POLICY_NAMES)
  const ratio = (a: string, b: string) =>
    (day0.find((d) => d.policy === a)?.metrics?.residualRiskEur ?? 0) /
    (day0.find((d) => d.policy === b)?.metrics?.residualRiskEur ?? 1)
  console.log('')
  console.log(
    `day 0 risk ratios: greedy/proposed ${ratio('greedy', 'proposed').toFixed(2)}, static/proposed ${ratio('static', 'proposed').toFixed(2)}, proposed/oracle ${ratio('proposed', 'oracle').toFixed(3)}`,
  )
} finally {
  disposeEvaluation(context)
}
