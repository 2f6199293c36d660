export { AppError, toAppError } from './app-error';
export { type Problem, type Severity, problem, hasErrors } from './problem';
