/**
 * Number formats for the UI: units always shown, locale fixed to en-GB so screenshots and
 * exports read the same everywhere.
 */
const LOCALE = 'en-GB'

const formats = new Map<string, Intl.NumberFormat>()

/**
 * A cached en-GB number format. `toLocaleString` with options builds a new formatter on every
 * call, which made formatting a table's numbers a sizeable part of the first render.
 */
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options)
  let format = formats.get(key)
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE, options)
    formats.set(key, format)
  }
  return format
}

/** Builds the formats the first screen uses, so that their cost is paid before it renders. */
export function warmNumberFormats(): void {
  formatCount(0)
  formatEur(0)
  formatMbit(0)
}

/** `value` in en-GB digits with `options`, through a cached formatter. */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(options).format(value)
}

export function formatEur(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  const abs = Math.abs(value)
  const maximumFractionDigits = digits ?? (abs >= 100 ? 0 : abs >= 1 ? 2 : 4)
  return `€${numberFormat({ maximumFractionDigits }).format(value)}`
}

export function formatMbit(bits: number | null | undefined): string {
  if (bits === null || bits === undefined || !Number.isFinite(bits)) return '–'
  return `${numberFormat({ maximumFractionDigits: bits >= 1e8 ? 0 : 2 }).format(bits / 1e6)} Mbit`
}

export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–'
  return `${(share * 100).toFixed(digits)} %`
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  return numberFormat({ maximumFractionDigits: 0 }).format(value)
}

/** Shadow prices are shown in € per Mbit (MODEL.md §8). */
export function formatPricePerMbit(eurPerBit: number | null | undefined): string {
  if (eurPerBit === null || eurPerBit === undefined || !Number.isFinite(eurPerBit)) return '–'
  const perMbit = eurPerBit * 1e6
  if (perMbit === 0) return '€0/Mbit'
  return `€${perMbit < 0.01 || perMbit >= 1e5 ? perMbit.toExponential(2) : numberFormat({ maximumSignificantDigits: 3 }).format(perMbit)}/Mbit`
}

/** Clock time at the start of a slot, e.g. `08:15`. */
export function slotClock(slot: number, slotMinutes: number): string {
  const minutes = Math.round(slot * slotMinutes) % (24 * 60)
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
