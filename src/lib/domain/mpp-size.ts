// An MPP's size class, as DOMAIN's generator profile sizes MPPs: by tickets per working day. The
// ministry filters its ranking by it, so a small regency's MPP is compared with its peers.
export const mppSizes = ['small', 'medium', 'large'] as const;
export type MppSize = (typeof mppSizes)[number];

/** Tickets per open day: under 300 small, under 800 medium, else large (DOMAIN "mpp_sizes"). */
export function mppSize(issued: number, openDays: number): MppSize | null {
	if (openDays <= 0) return null;
	const perDay = issued / openDays;
	return perDay < 300 ? 'small' : perDay < 800 ? 'medium' : 'large';
}
