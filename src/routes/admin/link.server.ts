// The link an invitation or password reset hands out, as the admin page shows it this once.
import type { Invited } from '$lib/server/admin/people';

export interface ShownLink {
	url: string;
	purpose: 'invite' | 'reset';
	name: string;
	expiresAt: string;
}

/** `origin` is the site's own (ORIGIN behind a proxy), so the link opens where the admin works. */
export function shownLink(origin: string, { person, link }: Invited): { link: ShownLink } {
	return {
		link: {
			url: `${origin}/invite/${link.token}`,
			purpose: link.purpose,
			name: person.name,
			expiresAt: link.expiresAt.toISOString()
		}
	};
}
