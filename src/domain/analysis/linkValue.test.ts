/**
 * Link values from duals against re-solves: the value of extra rate and of a bigger store on a
 * link must lie between the one-sided finite differences of the objective (an LP's dual is a
 * subgradient), and match them away from kinks; on a hand-made outage the store's value has a
 * closed form.
 */
import subnormalRate from './fixtures/fuzz-subnormal-rate.json' with { type: 'json' }
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../../node/loadSolver.ts'
import { linkKeyRateBps } from '../derive/supply.ts'
import { runOracle } from '../report/oracleReport.ts'
import { representativeScenario } from '../scenario/builtins/representative.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import { mustValidate } from '../solve/testScenarios.ts'
import { withShare } from './frontier.ts'
import {
  bestUpgrade,
  compareLinkValues,
  linkValues,
  RATE_UPGRADE_KBPS,
  STORE_UPGRADE_MBIT,
  withLinkRate,
  type LinkValue,
} from './linkValue.ts'
import { endTargetSlopes, withLinkBuffer } from './storeValue.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

const cases = {
  tiny: () => mustValidate(tinyScenario()),
  representative: () => mustValidate(representativeScenario()),
  // A twentieth of the share: key is scarce, so every link's value is large and clear of noise.
  'representative, scarce key': () => {
    const s = mustValidate(representativeScenario())
    return withShare(s, s.qkd.vppShare / 20)
  },
}

describe.each(Object.keys(cases) as (keyof typeof cases)[])('link values of %s', (name) => {
  const scenario = cases[name]()
  let values: ReturnType<typeof linkValues>
  beforeAll(() => {
    values = linkValues(highs, scenario, { check: true })
  })

  it('covers every link once, ranked by the better unit upgrade', () => {
    expect(values.links.map((l) => l.linkId).sort()).toEqual(
      scenario.qkd.links.map((l) => l.id).sort(),
    )
    values.links.forEach((l, i) => {
      expect(l.valueEurPerKbps).toBeGreaterThanOrEqual(0)
      const store = l.storeValueEurPerMbit * STORE_UPGRADE_MBIT
      const rate = l.valueEurPerKbpsLinkRate * RATE_UPGRADE_KBPS
      expect(l.bestUpgrade.eurPerDay).toBe(Math.max(0, store, rate))
      if (l.bestUpgrade.lever === 'store') expect(store).toBeGreaterThan(rate)
      if (l.bestUpgrade.lever === 'rate') expect(rate).toBeGreaterThanOrEqual(store)
      if (i > 0)
        expect(l.bestUpgrade.eurPerDay).toBeLessThanOrEqual(
          values.links[i - 1]!.bestUpgrade.eurPerDay,
        )
    })
  })

  it('splits each store value into its parts', () => {
    for (const l of values.links) {
      const p = l.storeValueParts
      expect(p.capacityEurPerMbit + p.reserveEurPerMbit + p.terminalEurPerMbit).toBeCloseTo(
        l.storeValueEurPerMbit,
        9,
      )
      expect(p.capacityEurPerMbit).toBeGreaterThanOrEqual(0)
      expect(p.reserveEurPerMbit).toBeLessThanOrEqual(0)
    }
  })

  it('agrees with re-solves: each rate value lies between the one-sided differences', () => {
    for (const l of values.links) {
      expect(l.check, l.linkId).toBeDefined()
      expect(l.check!.agrees, `${l.linkId}: ${JSON.stringify(l.check)}`).toBe(true)
    }
  })

  it('agrees with re-solves: each store value lies between the one-sided differences', () => {
    for (const l of values.links) {
      expect(l.storeCheck, l.linkId).toBeDefined()
      expect(l.storeCheck!.agrees, `${l.linkId}: ${JSON.stringify(l.storeCheck)}`).toBe(true)
    }
  })

  it('agrees with an independent cold re-solve on the most valuable link', () => {
    const top = values.links[0]!
    const index = scenario.qkd.links.findIndex((l) => l.id === top.linkId)
    const link = scenario.qkd.links[index]!
    const rate = linkKeyRateBps(link, scenario.qkd.rateModel)
    const step = rate * 1e-3
    const base = runOracle(highs, scenario, { integer: false }).result.objectiveEur
    const raised = runOracle(highs, withLinkRate(scenario, index, rate + step), { integer: false })
      .result.objectiveEur
    const finiteDifference = (base - raised) / (step / 1000)
    const noise = (1e-7 * Math.max(1, Math.abs(base))) / (step / 1000)
    expect(finiteDifference).toBeLessThanOrEqual(top.valueEurPerKbpsLinkRate + noise)
    if (name === 'representative, scarce key') {
      // Scarce key and a small step: no kink in between, so the two agree to 1 %.
      expect(Math.abs(finiteDifference - top.valueEurPerKbpsLinkRate)).toBeLessThanOrEqual(
        0.01 * top.valueEurPerKbpsLinkRate,
      )
    }
    const storeStep = link.bufferBits * 1e-3
    const bigger = runOracle(highs, withLinkBuffer(scenario, index, link.bufferBits + storeStep), {
      integer: false,
    }).result.objectiveEur
    const storeDifference = (base - bigger) / (storeStep / 1e6)
    const storeNoise = (1e-7 * Math.max(1, Math.abs(base))) / (storeStep / 1e6)
    expect(storeDifference).toBeLessThanOrEqual(top.storeValueEurPerMbit + storeNoise)
  })
})

describe('link values when key is scarce', () => {
  it('agree with the re-solve to within 1 % on every link worth more than noise', () => {
    const s = mustValidate(representativeScenario())
    const values = linkValues(highs, withShare(s, s.qkd.vppShare / 20), {
      check: true,
      checkStep: 1e-4,
    })
    const valuable = values.links.filter((l) => l.valueEurPerKbpsLinkRate > 1e-4)
    expect(valuable.length).toBeGreaterThan(2)
    for (const l of valuable) expect(l.check!.relativeError, l.linkId).toBeLessThan(0.01)
  })
})

/**
 * One link CC–GW with one flow of 1 message/s whose 200-bit MAC tag removes a 1e-3 success
 * bound, an unused second link CC–R, one-hour slots and no noise. Outside the outage the link
 * makes 3.6 Mbit of key per slot against 0.72 Mbit used, so key is plentiful and the store fills;
 * in the outage the flow would need 0.72 Mbit per slot, more than the store holds above its
 * reserve, so every bit of store between reserve and buffer saves the MAC's risk per bit
 * Λ = attempts · impact · 1e-3 / 0.72 Mbit.
 */
function outageScenario(outage: { startSlot: number; endSlot: number }) {
  return mustValidate({
    format: 'qkd-vpp-scenario',
    version: 1,
    name: 'store outage',
    horizon: { slots: 8, slotMinutes: 60 },
    qkd: {
      nodes: [
        { id: 'CC', role: 'control' },
        { id: 'GW', role: 'aggregator' },
        { id: 'R', role: 'relay' },
      ],
      links: [
        {
          id: 'L',
          a: 'CC',
          b: 'GW',
          lengthKm: 10,
          keyRateBps: 1000,
          bufferBits: 1e6,
          initialBufferBits: 0.5e6,
          reserveFraction: 0.1,
        },
        { id: 'unused', a: 'CC', b: 'R', lengthKm: 10, keyRateBps: 1000, bufferBits: 1e6 },
      ],
      vppShare: 1,
    },
    processes: [
      {
        id: 'p',
        endpoints: { from: 'CC', to: 'GW' },
        messagesPerHour: 3600,
        messageBytes: 100,
        deadlineMs: 1000,
        impactEur: 1000,
        attacksPerHour: 10,
        options: [
          { id: 'classical', kind: 'classical' },
          { id: 'mac', kind: 'wc-mac', tagBits: 200, successBound: 0 },
        ],
      },
    ],
    shocks: [{ label: 'outage', ...outage, links: ['L'], factor: 0 }],
    policy: { holdAllowed: false, pathsPerFlow: 1, terminalKeyEurPerMbit: 2 },
    uncertainty: { yieldSigma: 0, attackSigma: 0 },
  })
}

/** Risk the MAC removes per Mbit of key: 10 attempts × €1000 × 1e-3 per 0.72 Mbit. */
const LAMBDA_EUR_PER_MBIT = (10 * 1000 * 1e-3) / 0.72
const RESERVE_FRACTION = 0.1
const TERMINAL_EUR_PER_MBIT = 2

describe('store value of a hand-made outage', () => {
  const byId = (values: ReturnType<typeof linkValues>, id: string): LinkValue =>
    values.links.find((l) => l.linkId === id)!

  it('is (1 − ρ)·Λ when the store refills before the day ends', () => {
    const values = linkValues(highs, outageScenario({ startSlot: 3, endSlot: 6 }), {
      check: true,
    })
    const l = byId(values, 'L')
    const closedForm = (1 - RESERVE_FRACTION) * LAMBDA_EUR_PER_MBIT
    expect(l.storeValueEurPerMbit).toBeCloseTo(closedForm, 6)
    expect(l.storeValueParts.capacityEurPerMbit).toBeCloseTo(LAMBDA_EUR_PER_MBIT, 6)
    expect(l.storeValueParts.reserveEurPerMbit).toBeCloseTo(
      -RESERVE_FRACTION * LAMBDA_EUR_PER_MBIT,
      6,
    )
    // F is linear in the buffer here, so both re-solve differences equal the closed form.
    expect(l.storeCheck!.agrees).toBe(true)
    expect(l.storeCheck!.raisedEurPerMbit).toBeCloseTo(closedForm, 4)
    expect(l.storeCheck!.loweredEurPerMbit!).toBeCloseTo(closedForm, 4)
    // Key is plentiful whenever the link makes any, so more rate buys nothing: the store wins.
    expect(l.valueEurPerKbpsLinkRate).toBeCloseTo(0, 9)
    expect(l.bestUpgrade).toEqual({ lever: 'store', eurPerDay: l.storeValueEurPerMbit })
    expect(values.links[0]!.linkId).toBe('L')
  })

  it('adds ρ·τ when the day ends in the outage (the higher reserve is key left at the end)', () => {
    const values = linkValues(highs, outageScenario({ startSlot: 5, endSlot: 8 }), {
      check: true,
    })
    const l = byId(values, 'L')
    // Drained to the reserve ρB at the end: F = c − Λ(1 − ρ)B + τ(I − ρB).
    const closedForm =
      (1 - RESERVE_FRACTION) * LAMBDA_EUR_PER_MBIT + RESERVE_FRACTION * TERMINAL_EUR_PER_MBIT
    expect(l.storeValueEurPerMbit).toBeCloseTo(closedForm, 6)
    expect(l.storeCheck!.agrees).toBe(true)
    expect(l.storeCheck!.raisedEurPerMbit).toBeCloseTo(closedForm, 4)
    expect(l.storeCheck!.loweredEurPerMbit!).toBeCloseTo(closedForm, 4)
  })

  it('is zero, with both checks agreeing, on a link no flow uses', () => {
    const values = linkValues(highs, outageScenario({ startSlot: 3, endSlot: 6 }), {
      check: true,
    })
    const l = byId(values, 'unused')
    expect(l.storeValueEurPerMbit).toBe(0)
    expect(l.valueEurPerKbpsLinkRate).toBe(0)
    expect(l.pricedSlots).toBe(0)
    expect(l.bestUpgrade).toEqual({ lever: 'none', eurPerDay: 0 })
    expect(l.storeCheck!.agrees).toBe(true)
    expect(l.check!.agrees).toBe(true)
    expect(values.links.at(-1)!.linkId).toBe('unused')
  })
})

describe('re-solve checks at the edges (fuzz regressions)', () => {
  it('has no lowered side for a link of rate 0 or a store of a few bits, where 0/0 was NaN', () => {
    const doc = tinyScenario() as { qkd: { links: Record<string, unknown>[] } }
    const [first, second] = doc.qkd.links
    Object.assign(first as object, { keyRateBps: 0 })
    Object.assign(second as object, { bufferBits: 5e-324, initialBufferBits: 0 })
    const values = linkValues(highs, mustValidate(doc), { check: true })
    expect(values.status).toBe('optimal')
    const zeroRate = values.links.find((l) => l.linkId === first?.id)
    const tinyStore = values.links.find((l) => l.linkId === second?.id)
    expect(zeroRate?.check?.loweredEurPerKbps).toBeNull()
    expect(tinyStore?.storeCheck?.loweredEurPerMbit).toBeNull()
    for (const l of values.links)
      for (const v of [...Object.values(l.check ?? {}), ...Object.values(l.storeCheck ?? {})])
        if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true)
  })
})

describe('re-solve checks at a subnormal rate (fuzz regression)', () => {
  it('has no lowered side where the quotient over a 1e-311 kb/s step overflowed to Infinity', () => {
    const values = linkValues(highs, mustValidate(subnormalRate), { check: true })
    for (const l of values.links)
      for (const v of [...Object.values(l.check ?? {}), ...Object.values(l.storeCheck ?? {})])
        if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true)
  })
})

describe('ranking by the best upgrade', () => {
  const value = (linkId: string, store: number, rate: number): LinkValue => ({
    linkId,
    a: 'A',
    b: 'B',
    valueEurPerKbps: 0,
    valueEurPerKbpsLinkRate: rate,
    storeValueEurPerMbit: store,
    storeValueParts: { capacityEurPerMbit: store, reserveEurPerMbit: 0, terminalEurPerMbit: 0 },
    bestUpgrade: bestUpgrade(store, rate),
    pricedSlots: 0,
  })

  it('names the lever whose unit upgrade is worth more, or none', () => {
    expect(bestUpgrade(3, 1)).toEqual({ lever: 'store', eurPerDay: 3 })
    expect(bestUpgrade(1, 3)).toEqual({ lever: 'rate', eurPerDay: 3 })
    expect(bestUpgrade(-2, 0.5)).toEqual({ lever: 'rate', eurPerDay: 0.5 })
    expect(bestUpgrade(-2, 0)).toEqual({ lever: 'none', eurPerDay: 0 })
    expect(bestUpgrade(0, 0)).toEqual({ lever: 'none', eurPerDay: 0 })
  })

  it('orders links by the better lever, whichever it is', () => {
    const links = [value('a', 1, 2), value('b', 5, 0), value('c', 0, 0), value('d', 0, 3)]
    expect(links.sort(compareLinkValues).map((l) => l.linkId)).toEqual(['b', 'd', 'a', 'c'])
  })
})

describe('endTargetSlopes', () => {
  it('follows the reserve, the clipped start or neither, as G = max(ρB, min(I, B))', () => {
    // I above the reserve: the target is the fixed start, the shortfall cap shrinks by ρ.
    expect(endTargetSlopes(1e6, 0.5e6, 0.1)).toEqual({ target: 0, shortfallCap: -0.1 })
    // I below the reserve: the target is the reserve, no shortfall is possible.
    expect(endTargetSlopes(1e6, 0.05e6, 0.1)).toEqual({ target: 0.1, shortfallCap: 0 })
    // Raising B from I = B leaves min(I, B) at I.
    expect(endTargetSlopes(1e6, 1e6, 0.1)).toEqual({ target: 0, shortfallCap: -0.1 })
  })
})
