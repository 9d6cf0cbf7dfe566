// The Curtois & Qu benchmark. Names are prefixed where the roster module uses the same word.
export * from './model';
export { CurtoisFormatError, formatCurtoisSolution, parseCurtoisInstance, parseCurtoisSolution } from './parse';
export { type CurtoisEvaluation, type CurtoisHardRule, type CurtoisHardViolation, evaluateCurtois } from './evaluate';
export {
  type LocalSearchOptions as CurtoisLocalSearchOptions,
  type LocalSearchResult as CurtoisLocalSearchResult,
  localSearch as curtoisLocalSearch,
} from './local-search';
export { type Compiled as CurtoisCompiled, OFF as CURTOIS_OFF, compile as compileCurtois, toAssignments as curtoisAssignments } from './compiled';
export { type MipProblem, type MipResult, type MipSolve, type MipStatus, applyMipSolution, buildNeighbourhoodLp } from './mip-model';
export { type CurtoisSolveOptions, type CurtoisSolveResult, solveCurtois } from './solve';
export { type GenerateOptions as CurtoisGenerateOptions, generateCurtoisText } from './generate';
