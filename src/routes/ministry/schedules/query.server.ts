// The schedules page's query: a province (optional) and whether to list every MPP or only those that
// differ. Validated at the door, so a crafted link is a 400 in words, never a 500.
import { z } from 'zod';
import { queryRecord } from '$lib/server/safe-keys';

const blank = (value: unknown) => (value === '' ? undefined : value);
const schema = z.object({
	province: z.preprocess(blank, z.string().trim().max(100).optional()),
	all: z.preprocess(blank, z.enum(['1']).optional())
});

export function parseSchedulesQuery(
	params: URLSearchParams
): { ok: true; province?: string; all: boolean } | { ok: false; reason: string } {
	const parsed = schema.safeParse(queryRecord(params));
	if (!parsed.success)
		return { ok: false, reason: parsed.error.issues.map((i) => i.path.join('.')).join(', ') };
	return { ok: true, province: parsed.data.province, all: parsed.data.all === '1' };
}
