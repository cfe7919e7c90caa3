/**
 * Gives the decision-support panels the analysis runner without importing the worker.
 */
import { createContext, useContext } from 'react'
import type { AnalysisRunner } from '../../store/analysisRunner.ts'

const AnalysisContext = createContext<AnalysisRunner | undefined>(undefined)

export const AnalysisProvider = AnalysisContext.Provider

export function useAnalysisRunner(): AnalysisRunner | undefined {
  return useContext(AnalysisContext)
}
