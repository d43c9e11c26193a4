// English messages about edge nodes as the centre's pages show them.
import type { edge as id } from '../id/edge';

export const edge: Record<keyof typeof id, string> = {
	'edge.offline.title': 'Edge not connected',
	'edge.offline.line': '{mpp} ({edge}): offline since {since}, data up to {through}.',
	'edge.offline.never': 'never connected',
	'edge.offline.none': 'none yet',
	'edge.offline.note':
		'The MPP keeps serving; figures on this page lack what happened after that moment and complete themselves once the link is back.'
};
