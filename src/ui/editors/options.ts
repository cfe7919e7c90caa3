/**
 * Pure helpers of the security-option rows: the success bound an option gets from the model when
 * it has no override, shown as the override field's placeholder.
 */
import { successBound } from '../../domain/derive/security.ts'
import type { Process, SecurityOption } from '../../domain/scenario/types.ts'

/** The residual success bound the model derives for an option, ignoring any override. */
export function derivedSuccessBound(
  option: SecurityOption,
  process: Process,
  classicalSuccessBound: number,
): number {
  const modelled: SecurityOption = { ...option }
  delete modelled.successBound
  return successBound(modelled, process, classicalSuccessBound)
}

/** A bound in two significant digits: "0.001", "1.2e-9", "1". */
export function boundText(bound: number): string {
  if (bound === 0 || (bound >= 1e-3 && bound <= 1)) return String(Number(bound.toPrecision(2)))
  const [mantissa = '', exponent = ''] = bound.toExponential(1).split('e')
  return `${mantissa.replace(/\.0$/, '')}e${exponent.replace('+', '')}`
}
