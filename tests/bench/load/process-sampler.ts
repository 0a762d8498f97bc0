// CPU and memory of a server process and its children (cluster workers), read from /proc.
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export type ProcessSample = { pids: number; cpuPercent: number; rssMiB: number };

function children(pid: number): number[] {
	try {
		const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
		return text ? text.split(/\s+/).map(Number) : [];
	} catch {
		return [];
	}
}

/** utime + stime in clock ticks, and resident memory in KiB; null once the process is gone. */
function read(pid: number): { ticks: number; rssKiB: number } | null {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name (which may hold spaces) start at field 3.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]);
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		return { ticks, rssKiB };
	} catch {
		return null;
	}
}

/**
 * Samples `rootPid` and its children every `everyMs`: CPU as a percentage of one core over each
 * interval (200 % = both cores of a 2-core machine), resident memory summed. Returns stop.
 */
export function sampleProcesses(rootPid: number, everyMs = 2000) {
	const samples: ProcessSample[] = [];
	let last = new Map<number, number>();
	let lastAt = performance.now();
	const tick = () => {
		const now = performance.now();
		const next = new Map<number, number>();
		let cpuTicks = 0;
		let rssKiB = 0;
		for (const pid of [rootPid, ...children(rootPid)]) {
			const r = read(pid);
			if (!r) continue;
			next.set(pid, r.ticks);
			cpuTicks += r.ticks - (last.get(pid) ?? r.ticks);
			rssKiB += r.rssKiB;
		}
		if (last.size > 0) {
			const seconds = (now - lastAt) / 1000;
			samples.push({
				pids: next.size,
				cpuPercent: (100 * cpuTicks) / TICKS_PER_SECOND / seconds,
				rssMiB: rssKiB / 1024
			});
		}
		last = next;
		lastAt = now;
	};
	tick();
	const timer = setInterval(tick, everyMs);
	return {
		stop: () => {
			clearInterval(timer);
			return samples;
		}
	};
}
