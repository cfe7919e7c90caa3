/**
 * Scenario builders shared by the solver tests. Not part of the product; kept beside the tests
 * so the knapsack and brute-force cross-checks describe their instances in one place.
 */
import { validateScenario } from '../derive/validateScenario.ts'
import type { Scenario } from '../scenario/types.ts'

/** Validates a document or throws with every problem, for test fixtures. */
export function mustValidate(doc: unknown): Scenario {
  const result = validateScenario(doc)
  if (!result.ok) {
    throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  }
  return result.scenario
}

export interface KnapsackItem {
  /** Loss per successful attack, Eur. */
  impactEur: number
  /** Attack attempts in the (one-hour) slot. */
  attempts: number
  /** Success bound of the upgraded (keyed) option; the classical one is 1e-3. */
  upgradedBound: number
  /** Key the upgrade costs per message, bits (the wc-mac tag). */
  tagBits: number
  /** Messages in the slot. */
  messages: number
}

/**
 * One link, one one-hour slot, no store: each item is a process with one flow and two options
 * (classical, or a keyed upgrade). The oracle LP is then exactly a fractional knapsack with
 * capacity `budgetBits`.
 */
export function knapsackScenario(items: readonly KnapsackItem[], budgetBits: number): Scenario {
  return mustValidate({
    format: 'qkd-vpp-scenario',
    version: 1,
    name: 'knapsack',
    horizon: { slots: 1, slotMinutes: 60 },
    qkd: {
      nodes: [
        { id: 'CC', role: 'control' },
        { id: 'GW', role: 'aggregator' },
      ],
      links: [
        { id: 'L', a: 'CC', b: 'GW', lengthKm: 10, keyRateBps: budgetBits / 3600, bufferBits: 0 },
      ],
      vppShare: 1,
    },
    processes: items.map((item, i) => ({
      id: `p${i}`,
      endpoints: { from: 'CC', to: 'GW' },
      messagesPerHour: item.messages,
      messageBytes: 100,
      deadlineMs: 1000,
      impactEur: item.impactEur,
      attacksPerHour: item.attempts,
      options: [
        { id: 'classical', kind: 'classical' },
        { id: 'mac', kind: 'wc-mac', tagBits: item.tagBits, successBound: item.upgradedBound },
      ],
    })),
    policy: { holdAllowed: false, pathsPerFlow: 1 },
    uncertainty: { yieldSigma: 0, attackSigma: 0 },
  })
}

/**
 * The closed-form fractional knapsack: sort upgrades by risk removed per key bit and fill the
 * budget. Returns the optimal cost (Eur) and the budget's price (Eur/bit, 0 when it is slack).
 */
export function greedyKnapsack(
  items: readonly KnapsackItem[],
  budgetBits: number,
  classicalBound = 1e-3,
): { costEur: number; priceEurPerBit: number; fractionalItems: number } {
  const upgrades = items
    .map((item) => {
      const bits = item.tagBits * item.messages
      const saving = item.attempts * item.impactEur * (classicalBound - item.upgradedBound)
      return { bits, saving, ratio: saving / bits }
    })
    .sort((a, b) => b.ratio - a.ratio)
  let cost = items.reduce((s, item) => s + item.attempts * item.impactEur * classicalBound, 0)
  let left = budgetBits
  let price = 0
  let fractional = 0
  for (const u of upgrades) {
    if (u.ratio <= 0) break
    if (u.bits <= left) {
      cost -= u.saving
      left -= u.bits
    } else {
      cost -= (u.saving * left) / u.bits
      price = u.ratio
      fractional = left > 0 ? 1 : 0
      break
    }
  }
  return { costEur: cost, priceEurPerBit: price, fractionalItems: fractional }
}
