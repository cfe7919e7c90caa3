/**
 * The numeric fields of the scenario format with the validator's own ranges (`scenario/validate.ts`;
 * every generated mutation puts a value beyond one of them and `check.ts` demands a refusal at
 * that field's path, so a range that drifts from the validator's fails the suite), and fast-check
 * arbitraries for values at, inside and beyond each range. `budgetMax` narrows what the generator
 * draws inside the range where a field sets the size of the model (slots, sampled days), so that
 * one case stays fast; the value beyond the range is still the validator's.
 */
import fc from 'fast-check'

/** The range of one numeric field, as the validator reads it. */
export interface FieldLimit {
  min: number
  max: number
  /** The lower bound itself is refused (`deadlineMs` > 0). */
  minExclusive?: boolean
  integer?: boolean
  /** An ordinary value, drawn often so that most cases stay solvable. */
  typical: number
  /** Largest value the generator draws inside the range (default `max`). */
  budgetMax?: number
}

const f = (min: number, max: number, typical: number, extra: Partial<FieldLimit> = {}) => ({
  min,
  max,
  typical,
  ...extra,
})

/** Every numeric field, by the last segments of its path. */
export const FIELD_LIMITS = {
  seed: f(0, 2 ** 32 - 1, 1, { integer: true }),
  slots: f(1, 288, 4, { integer: true, budgetMax: 24 }),
  slotMinutes: f(1, 60, 15),
  nodeXY: f(0, 1, 0.5),
  lengthKm: f(0, 1000, 20),
  keyRateBps: f(0, 1e10, 5e4),
  bufferBits: f(0, 1e12, 1e6),
  reserveFraction: f(0, 0.5, 0.1),
  r0Bps: f(0, 1e10, 4e6),
  lossDbPerKm: f(0, 5, 0.2),
  vppShare: f(0, 1, 0.02),
  sites: f(0, 1e7, 40, { integer: true }),
  unitKw: f(0, 1e6, 5),
  messagesPerSitePerHour: f(0, 1e9, 60),
  messagesPerHour: f(0, 1e12, 3600),
  messageBytes: f(1, 1e9, 200),
  deadlineMs: f(0, 8.64e7, 1000, { minExclusive: true }),
  slaPenaltyEur: f(0, 1e9, 0.1),
  impactEur: f(0, 1e12, 1000),
  impactEurPerMw: f(0, 1e12, 10),
  attacksPerHour: f(0, 1e9, 10),
  latencyMs: f(0, 3.6e6, 0.1),
  refreshSeconds: f(1e-3, 86400, 10),
  channels: f(1, 10000, 1, { integer: true }),
  tagBits: f(8, 1024, 64, { integer: true }),
  successBound: f(0, 1, 1e-6),
  multiplier: f(0, 1e6, 5),
  classicalSuccessBound: f(0, 1, 1e-3),
  factor: f(0, 10, 0.5),
  slaWeight: f(0, 1e6, 1),
  pathsPerFlow: f(1, 4, 2, { integer: true }),
  relayLatencyMs: f(0, 1e5, 2),
  kmsLatencyMs: f(0, 1e5, 10),
  terminalKeyEurPerMbit: f(0, 1e6, 1),
  sigma: f(0, 2, 0.1),
  scenarioCount: f(1, 1000, 3, { integer: true, budgetMax: 4 }),
  alpha: f(0.5, 0.999, 0.95),
} satisfies Record<string, FieldLimit>

/** A numeric field of the format, by the last segments of its path. */
export type FieldName = keyof typeof FIELD_LIMITS

const scratch = new Float64Array(1)
const bits = new BigInt64Array(scratch.buffer)

/** The next double above `x` (finite `x`). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE
  scratch[0] = x
  bits[0] = (bits[0] as bigint) + (x > 0 ? 1n : -1n)
  return scratch[0] as number
}

/** The next double below `x` (finite `x`). */
export function nextDown(x: number): number {
  return -nextUp(-x)
}

function clamp(limit: FieldLimit, value: number): number {
  const hi = limit.budgetMax ?? limit.max
  let v = Math.min(hi, Math.max(limit.min, value))
  if (limit.integer === true) v = Math.min(hi, Math.max(Math.ceil(limit.min), Math.round(v)))
  if (limit.minExclusive === true && v <= limit.min) v = nextUp(limit.min)
  return v
}

/** Values on and next to the edges of the range (as the generator may draw them). */
export function edgeValues(limit: FieldLimit): number[] {
  const hi = limit.budgetMax ?? limit.max
  const lo = limit.minExclusive === true ? nextUp(limit.min) : limit.min
  const edges = [lo, hi]
  if (limit.integer === true) edges.push(lo + 1, hi - 1)
  else {
    edges.push(nextUp(lo), nextDown(hi), lo + (hi - lo) * 1e-12)
    if (lo === 0) edges.push(Number.MIN_VALUE, 1e-300, 2.2250738585072014e-308)
  }
  return edges.map((v) => clamp(limit, v))
}

/** Log-uniform over the range (uniform when it does not span orders of magnitude). */
function spread(limit: FieldLimit): fc.Arbitrary<number> {
  const hi = limit.budgetMax ?? limit.max
  const lo = Math.max(limit.min, hi * 1e-15, 1e-300)
  if (hi <= 0 || hi / lo < 100)
    return fc.double({ min: limit.min, max: hi, noNaN: true }).map((v) => clamp(limit, v))
  return fc
    .double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true })
    .map((e) => clamp(limit, 10 ** e))
}

/** A value inside the field's range: typical, at an edge, or anywhere (log-uniform). */
export function inRange(name: FieldName): fc.Arbitrary<number> {
  const limit: FieldLimit = FIELD_LIMITS[name]
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(clamp(limit, limit.typical)) },
    { weight: 2, arbitrary: fc.constantFrom(...edgeValues(limit)) },
    { weight: 3, arbitrary: spread(limit) },
  )
}

/** Values the validator must refuse for this field (beyond the range, or not a number). */
export function beyondValues(limit: FieldLimit): unknown[] {
  const values: unknown[] = [
    nextUp(limit.max),
    limit.max * 10,
    limit.minExclusive === true ? limit.min : limit.min - 1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    null,
    String(limit.typical),
    true,
  ]
  if (limit.min === 0 && limit.minExclusive !== true) values.push(-Number.MIN_VALUE, -0.5)
  if (limit.minExclusive === true) values.push(-Number.MIN_VALUE)
  if (limit.min > 0 && limit.integer !== true) values.push(nextDown(limit.min))
  if (limit.integer === true) values.push(limit.min + 0.5)
  return values
}

/** Text fields: unicode, control characters, markup, formula starters, long runs. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Zürich Süd',
      '节点 · 网关',
      '\u001b[2J\u001b[H cleared',
      '\u202eevil',
      '=HYPERLINK("x")',
      '+1',
      '-1',
      '@SUM(A1)',
      '<img src=x onerror=alert(1)>',
      '💡⚡',
      'line\nbreak\ttab',
      'x'.repeat(200),
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
)
