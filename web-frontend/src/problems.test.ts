import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { problemKey, serverText } from './problems';

const problem = (status: number) => new ApiError({ type: 'about:blank', title: 't', status });

describe('problems in plain words', () => {
  it('names the kind of failure', () => {
    expect(problemKey(problem(0))).toBe('problem.network');
    expect(problemKey(problem(401))).toBe('problem.login');
    expect(problemKey(problem(404))).toBe('problem.notFound');
    expect(problemKey(problem(409))).toBe('problem.conflict');
    expect(problemKey(problem(412))).toBe('problem.stale');
    expect(problemKey(problem(422))).toBe('problem.invalid');
    expect(problemKey(problem(429))).toBe('calc.error.tooMany');
    expect(problemKey(problem(503))).toBe('problem.server');
    expect(problemKey(new TypeError('x'))).toBe('problem.server');
  });

  it('shows the half of a two-language server message in the reader’s language', () => {
    const message = '请填写申请人姓名 / the applicant\'s name is required';
    expect(serverText(message, 'zh-CN')).toBe('请填写申请人姓名');
    expect(serverText(message, 'en')).toBe("the applicant's name is required");
    expect(serverText('must be a 6-digit region code', 'zh-CN')).toBe('must be a 6-digit region code');
  });
});
