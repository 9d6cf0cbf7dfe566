export * from './model';
export { CurtoisFormatError, formatCurtoisSolution, parseCurtoisInstance, parseCurtoisSolution } from './parse';
export { type CurtoisEvaluation, type HardRule, type HardViolation, evaluateCurtois } from './evaluate';
export { type LocalSearchOptions, type LocalSearchResult, localSearch } from './local-search';
export { compile, toAssignments, type Compiled, OFF } from './compiled';
export { type MipProblem, type MipResult, type MipSolve, type MipStatus, applyMipSolution, buildNeighbourhoodLp } from './mip-model';
export { type CurtoisSolveOptions, type CurtoisSolveResult, solveCurtois } from './solve';
export { type GenerateOptions, generateCurtoisText } from './generate';
