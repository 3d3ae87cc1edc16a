import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/lib/i18n/date-format';

describe('formatDate', () => {
	const day = Date.UTC(2026, 10, 28, 12);
	it('writes the date in each locale and style', () => {
		expect(formatDate('fr-FR', 'long', day)).toBe(new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(day));
		expect(formatDate('fr-FR', 'long', day)).toContain('novembre');
		expect(formatDate('en-GB', 'long', day)).toContain('November');
		expect(formatDate('en-GB', 'short', day)).not.toBe(formatDate('en-GB', 'long', day));
	});
	it('a kept formatter never leaks into another locale', () => {
		formatDate('fr-FR', 'medium', day);
		expect(formatDate('ar', 'medium', day)).toBe(new Intl.DateTimeFormat('ar', { dateStyle: 'medium' }).format(day));
	});
});
