/** The realised day the oracle and every policy are evaluated and reported on. */
export const EVALUATION_DAY = 0
