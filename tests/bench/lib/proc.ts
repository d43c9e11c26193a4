// What the benchmarks read about processes and the machine from /proc and os: CPU time, unlike wall
// time, does not grow when other work takes the cores, so it tells what a machine of its own would do.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Sql } from '../../../src/lib/server/db/client';

/** CPU milliseconds (user + system) a process has used so far; null once it is gone. */
export function processCpuMs(pid: number): number | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in clock ticks of 10 ms
	} catch {
		return null;
	}
}

/**
 * Milliseconds a process's main thread (a node's event loop) has spent runnable but waiting for a
 * core, so far (/proc/<pid>/schedstat): on a shared machine, the part of a delay that is not our work.
 */
export function runQueueWaitMs(pid: number): number | null {
	try {
		return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
	} catch {
		return null;
	}
}

/** A line of /proc/<pid>/status in bytes (VmRSS, VmHWM), or null. */
export function processMemory(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
			readFileSync(`/proc/${pid}/status`, 'utf8')
		);
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null;
	}
}

/** This process's soft limit of open files (`ulimit -n`), which the nodes and receivers it starts inherit. */
export function openFilesLimit(): number {
	return Number(/Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? 0);
}

/** Open file descriptors of a process (its sockets included), or null. */
export function openFiles(pid: number): number | null {
	try {
		return readdirSync(`/proc/${pid}/fd`).length;
	} catch {
		return null;
	}
}

/** CPU milliseconds used so far by each PostgreSQL backend of one database (PostgreSQL on this machine). */
export async function databaseCpu(sql: Sql, database: string): Promise<Map<number, number>> {
	const rows = await sql<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = ${database}`;
	const cpu = new Map<number, number>();
	for (const { pid } of rows) {
		const ms = processCpuMs(pid);
		if (ms !== null) cpu.set(pid, ms);
	}
	return cpu;
}

/** What the backends used between two readings; a backend that ended in between is not counted. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
	let total = 0;
	for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
	return total;
}

export const load = () =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(' ');

export const machine = () =>
	`${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
