// One paired lobby TV, one kiosk and one feedback tablet per demo MPP, the tablet beside the first
// Disdukcapil counter (the busiest agency, DOMAIN "service_mix"). Device tokens are stored only as hashes, so the
// demo keeps its plain tokens in a small file in the data dir; a token that no longer matches an
// active device (file from another database, device revoked) is replaced by a fresh device.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateToken, hashToken } from '../auth/tokens';
import type { Db } from '../db/client';
import { findActiveDeviceByTokenHash, insertDevice } from '../db/devices';
import { listCounters } from '../db/counters';
import { findMppBySlug } from '../db/mpps';
import { planCounters } from './plan';
import { demoMpps, type DemoMpp } from './profile';

export const demoDeviceKinds = ['display', 'kiosk', 'feedback'] as const;
export type DemoDeviceKind = (typeof demoDeviceKinds)[number];

export interface DemoDevices {
	slug: string;
	tokens: Record<DemoDeviceKind, string>;
}

type TokenFile = Record<string, Partial<Record<DemoDeviceKind, string>>>;

const deviceNames: Record<DemoDeviceKind, string> = {
	display: 'Layar Lobi Utama (demo)',
	kiosk: 'Kios Antrean Pintu Masuk (demo)',
	feedback: 'Tablet Survei Disdukcapil (demo)'
};

/**
 * Returns working display, kiosk and feedback-tablet tokens for every demo MPP present in the database, creating
 * devices only where the token file has none that still works.
 */
export async function ensureDemoDevices(
	db: Db,
	file: string,
	mpps: DemoMpp[] = demoMpps
): Promise<DemoDevices[]> {
	const saved = await readTokens(file);
	const result: DemoDevices[] = [];
	let changed = false;
	for (const demo of mpps) {
		const { slug } = demo;
		const mpp = await findMppBySlug(db, slug);
		if (!mpp) continue;
		const tokens = {} as Record<DemoDeviceKind, string>;
		for (const kind of demoDeviceKinds) {
			const token = saved[slug]?.[kind];
			const device = token ? await findActiveDeviceByTokenHash(db, hashToken(token)) : undefined;
			if (token && device?.mppId === mpp.id && device.kind === kind) {
				tokens[kind] = token;
				continue;
			}
			tokens[kind] = generateToken();
			await insertDevice(db, {
				mppId: mpp.id,
				kind,
				name: deviceNames[kind],
				tokenHash: hashToken(tokens[kind]),
				settings: kind === 'feedback' ? await tabletSettings(db, demo, mpp.id) : undefined
			});
			changed = true;
		}
		saved[slug] = tokens;
		result.push({ slug, tokens });
	}
	if (changed) {
		await mkdir(dirname(file), { recursive: true });
		// 0600: the tokens open this MPP's display, kiosk and tablet to whoever holds them
		await writeFile(file, JSON.stringify(saved, null, '\t') + '\n', { mode: 0o600 });
	}
	return result;
}

/** The tablet stands beside the first Disdukcapil counter (devices.settings.counterId). */
async function tabletSettings(db: Db, demo: DemoMpp, mppId: string): Promise<Record<string, string>> {
	const planned = planCounters(demo);
	const name = (planned.find((c) => c.tenantCode === 'DUKCAPIL') ?? planned[0])?.name;
	const counter = (await listCounters(db, mppId)).find((c) => c.name === name);
	return counter ? { counterId: counter.id } : {};
}

async function readTokens(file: string): Promise<TokenFile> {
	if (!existsSync(file)) return {};
	try {
		const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
		return parsed && typeof parsed === 'object' ? (parsed as TokenFile) : {};
	} catch {
		// a damaged file only means fresh devices
		return {};
	}
}
