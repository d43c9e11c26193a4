// The shape of the message catalogue, derived from the Indonesian messages.
import type { id } from './messages/id';

export type MessageKey = keyof typeof id;
/** Every language must translate every key (the values are free text). */
export type Catalogue = { [K in MessageKey]: string };

/** The parameter names a message uses: 'Coba lagi dalam {minutes} menit' → 'minutes'. */
type ParamNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
	? Name | ParamNames<Rest>
	: never;

export type MessageParams<K extends MessageKey> = Record<ParamNames<(typeof id)[K]>, string | number>;

/** Messages without parameters take no third argument; messages with them require all of them. */
export type ParamsArg<K extends MessageKey> = [ParamNames<(typeof id)[K]>] extends [never]
	? []
	: [MessageParams<K>];
