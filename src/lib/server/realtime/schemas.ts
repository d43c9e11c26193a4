// Socket payloads are untrusted input: validated here before any rule or query sees them.
import { z } from 'zod';

const mppId = z.uuid();
// Track codes are printed on the slip; any plausible code may be followed, existing or not, so
// joining does not reveal which codes exist.
const trackCode = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/);

export const mppRoomSchema = z.object({ room: z.enum(['display', 'staff']), mppId });

export const roomRequestSchema = z.discriminatedUnion('room', [
	z.object({ room: z.literal('display'), mppId }),
	z.object({ room: z.literal('staff'), mppId }),
	z.object({ room: z.literal('counter'), counterId: z.uuid() }),
	z.object({ room: z.literal('ticket'), trackCode }),
	z.object({ room: z.literal('ministry') }),
	z.object({ room: z.literal('figures'), mppId })
]);

/** A citizen's phone following its ticket (`ticket:follow`). */
export const ticketFollowSchema = z.object({ trackCode });
