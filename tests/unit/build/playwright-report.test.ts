/**
 * `npm test`'s summary names each failed browser test with why it failed (CI keeps only the
 * end of the output). The report below is the shape Playwright 1.65's JSON reporter wrote for
 * a real run (ids, timings and attachments left out).
 */
import { describe, expect, it } from 'vitest';
import { testsWithStatus } from '../../../scripts/lib/playwright-report';

const failed = (projectName: string, message: string) => ({
	projectName,
	status: 'unexpected',
	results: [
		{ status: 'failed', error: { message, location: { file: '/repo/tests/e2e/x.spec.ts', line: 2 } } }
	]
});

const report = {
	suites: [
		{
			title: 'x.spec.ts',
			file: 'x.spec.ts',
			specs: [
				{
					title: 'passes',
					file: 'x.spec.ts',
					tests: [{ projectName: 'phone', status: 'expected', results: [{ status: 'passed', errors: [] }] }]
				}
			],
			suites: [
				{
					title: 'group',
					file: 'x.spec.ts',
					specs: [
						{
							title: 'fails',
							file: 'x.spec.ts',
							tests: [
								failed(
									'phone',
									'Error: sum\n\n\u001b[2mexpect(\u001b[22m\u001b[31mreceived\u001b[39m\u001b[2m).\u001b[22mtoBe\u001b[2m(\u001b[22m\u001b[32mexpected\u001b[39m\u001b[2m) // Object.is equality\u001b[22m\n\nExpected: \u001b[32m3\u001b[39m\nReceived: \u001b[31m2\u001b[39m'
								),
								{ projectName: 'tablet', status: 'flaky', results: [{ status: 'failed' }, { status: 'passed' }] }
							]
						}
					]
				}
			]
		}
	]
};

describe('testsWithStatus', () => {
	it('finds failed tests in nested suites, with their first error lines, uncoloured, and where', () => {
		expect(testsWithStatus(report, 'unexpected')).toEqual([
			{
				title: 'x.spec.ts: fails [phone]',
				error: 'Error: sum · expect(received).toBe(expected) // Object.is equality · Expected: 3 (line 2)'
			}
		]);
	});

	it('names flaky tests by project, and passing ones never', () => {
		expect(testsWithStatus(report, 'flaky').map((t) => t.title)).toEqual(['x.spec.ts: fails [tablet]']);
		expect(testsWithStatus(report, 'expected').map((t) => t.title)).toEqual(['x.spec.ts: passes [phone]']);
	});

	it('reads nothing from no report or a malformed one', () => {
		expect(testsWithStatus(null, 'unexpected')).toEqual([]);
		expect(testsWithStatus({ suites: [{ specs: [{ title: 't', tests: [{ status: 'unexpected' }] }] }] }, 'unexpected')).toEqual([
			{ title: 'undefined: t [undefined]', error: '' }
		]);
	});
});
