// Why a service cannot give a number now, in the kiosk's words. The times are local to the MPP.
import type { Unavailable } from '$lib/server/kiosk/menu';
import type { translator } from '$lib/i18n';

type Translate = ReturnType<typeof translator>;

export function unavailableText(m: Translate, reason: Unavailable, zone: string): string {
	switch (reason.code) {
		case 'service_closed':
			return m('kiosk.unavailable.service_closed');
		case 'not_open_yet':
			return m('kiosk.unavailable.not_open_yet', { time: `${reason.time ?? ''} ${zone}`.trim() });
		case 'cutoff':
			return m('kiosk.unavailable.cutoff', { time: `${reason.time ?? ''} ${zone}`.trim() });
		case 'quota_reached':
			return m('kiosk.unavailable.quota_reached', { quota: reason.quota ?? '' });
	}
}

/** A refusal from the engine when the menu (loaded earlier) did not know it yet. */
export function refusalText(m: Translate, code: string): string {
	switch (code) {
		case 'service_closed':
		case 'not_open_yet':
		case 'cutoff':
		case 'quota_reached':
			return m(`kiosk.refused.${code}`);
		case 'service_not_found':
		case 'service_inactive':
		case 'numbers_exhausted':
			return m('kiosk.refused.gone');
		default:
			return m('kiosk.refused.other');
	}
}
