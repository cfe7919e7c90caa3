/**
 * Loads the HiGHS WebAssembly solver in Node (CLI, tests, benchmarks). The package finds its own
 * wasm file there; the browser worker passes `locateFile` instead.
 */
import loadHighs, { type Highs } from 'highs'

let cached: Promise<Highs> | undefined

/** One solver instance per process: loading compiles ~3 MB of wasm. */
export function loadSolver(): Promise<Highs> {
  cached ??= loadHighs()
  return cached
}
