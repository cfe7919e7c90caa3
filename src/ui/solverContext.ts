/**
 * Gives components the solve runner (for the cancel button) without importing the worker.
 */
import { createContext, useContext } from 'react'
import type { SolveRunner } from '../store/solveRunner.ts'

const SolverContext = createContext<SolveRunner | undefined>(undefined)

export const SolverProvider = SolverContext.Provider

export function useSolveRunner(): SolveRunner | undefined {
  return useContext(SolverContext)
}
