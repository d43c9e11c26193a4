// Room names, in one place so the publisher and the join rules cannot drift apart.
export const rooms = {
	display: (mppId: string) => `display:${mppId}`,
	staff: (mppId: string) => `staff:${mppId}`,
	counter: (counterId: string) => `counter:${counterId}`,
	ticket: (trackCode: string) => `ticket:${trackCode}`,
	ministry: () => 'ministry',
	/** one MPP's aggregate figures, for readers of its statistics who may not see its tickets */
	figures: (mppId: string) => `figures:${mppId}`,
	// private rooms, never joinable by request: so a logout or a revoked device can end its sockets
	session: (sessionId: string) => `session:${sessionId}`,
	device: (deviceId: string) => `device:${deviceId}`
};
