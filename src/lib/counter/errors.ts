// Refusals from the queue engine and the API, as the console shows them. The engine words its
// refusals in Indonesian with the ticket's details ("Tiket A001 baru dipanggil 1 kali…"), so an
// Indonesian console shows those as they are; English gets the catalogue's text for the code.
import { t, type Locale, type MessageKey } from '$lib/i18n';

const engineCodes: Record<string, MessageKey> = {
	counter_not_open: 'counter.error.counterNotOpen',
	call_limit_reached: 'counter.error.callLimitReached',
	call_limit_not_reached: 'counter.error.callLimitNotReached',
	invalid_state: 'counter.error.invalidState',
	no_counter: 'counter.error.invalidState'
};

// access and transport refusals: the catalogue's words in every language
const accessCodes: Record<string, MessageKey> = {
	read_only: 'counter.error.readOnly',
	forbidden: 'counter.error.forbidden',
	counter_not_found: 'counter.error.notFound',
	not_found: 'counter.error.notFound',
	network: 'counter.error.network'
};

export interface ApiError {
	code: string;
	message?: string;
}

export function describeError(locale: Locale, error: ApiError): string {
	const access = accessCodes[error.code];
	if (access) return t(locale, access as 'counter.error.generic');
	if (locale === 'id' && error.message) return error.message;
	const engine = engineCodes[error.code];
	if (engine) return t(locale, engine as 'counter.error.generic');
	return error.message || t(locale, 'counter.error.generic');
}
