import { describe, expect, it } from 'vitest';
import { pairedStats, t975 } from '../../../src/lib/server/reports/statistics.ts';

describe('paired gain statistics', () => {
	it('uses the t table for small samples and tends to 1.96 for large ones', () => {
		expect(t975(4)).toBe(2.7764);
		expect(t975(40)).toBeCloseTo(2.0211, 3);
		expect(t975(120)).toBeCloseTo(1.9799, 3);
		expect(t975(100000)).toBeCloseTo(1.96, 3);
	});

	it('works out mean gain, its 95 % interval and Hake gain as by hand', () => {
		// Five learners: (pre, final) = (40,60) (50,70) (30,60) (60,70) (20,40); gains 20 20 30 10 20.
		// Mean gain 20; sample variance (0+0+100+100+0)/4 = 50; se = √(50/5) = √10 = 3.1623;
		// t(0.975, 4) = 2.7764, half-width 8.7798. Means 40 → 60; Hake (60 − 40)/(100 − 40) = 1/3.
		const s = pairedStats({
			paired: 5,
			improved: 5,
			sumPre: 200,
			sumFinal: 300,
			sumGain: 100,
			sumGain2: 400 + 400 + 900 + 100 + 400
		});
		expect(s).not.toBeNull();
		expect(s?.meanPre).toBe(40);
		expect(s?.meanFinal).toBe(60);
		expect(s?.meanGain).toBe(20);
		expect(s?.ci?.[0]).toBeCloseTo(11.2202, 3);
		expect(s?.ci?.[1]).toBeCloseTo(28.7798, 3);
		expect(s?.hake).toBeCloseTo(1 / 3, 10);
		expect(s?.improvedShare).toBe(1);
	});

	it('gives no interval for one learner and no Hake gain when the pre-test mean is 100', () => {
		const one = { paired: 1, improved: 0, sumPre: 100, sumFinal: 100, sumGain: 0, sumGain2: 0 };
		expect(pairedStats(one)?.ci).toBeNull();
		expect(pairedStats(one)?.hake).toBeNull();
		expect(pairedStats({ ...one, paired: 0 })).toBeNull();
	});
});
