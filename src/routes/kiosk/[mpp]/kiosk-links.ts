// The kiosk's own addresses, keeping its printer options (?paper=58&print=0) on every step.
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

export interface Step {
	tenant?: string;
	service?: string;
}

/** A resolved route path plus its query, typed as resolved so links and goto() accept it. */
export function kioskHref(slug: string, optionsQuery: string, step: Step = {}): ResolvedPathname {
	const query = new URLSearchParams(optionsQuery);
	if (step.tenant) query.set('tenant', step.tenant);
	if (step.service) query.set('service', step.service);
	const text = query.toString();
	return (resolve('/kiosk/[mpp]', { mpp: slug }) + (text ? `?${text}` : '')) as ResolvedPathname;
}
