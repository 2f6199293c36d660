import { AppError, type Problem } from '../../core/errors';

/** A request with located problems (validation): still the one AppError, carrying every problem. */
export class InvalidInput extends AppError {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super('server.invalid', { count: problems.filter((p) => p.severity === 'error').length });
    this.problems = problems;
  }
}

/** Throws when any problem is an error; warnings alone pass. */
export function throwIfProblems(problems: Problem[]): void {
  if (problems.some((p) => p.severity === 'error')) throw new InvalidInput(problems);
}
