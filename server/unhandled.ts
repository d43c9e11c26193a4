// A serving node must outlive its database's bad moments (issue 11). Node ends the process on an
// unhandled promise rejection; our own code awaits or catches every promise it starts, but a library
// can still drop one: postgres.js, for one, loses the rejection of the type query it runs on each new
// connection when a statement timeout or a restart cuts it short. Such a rejection is logged and the
// node keeps serving; the request that met it has already been answered (503) by its own error path.
let installed = false;

export function logUnhandledRejections(log: (line: string, error: unknown) => void = console.error): void {
	if (installed) return;
	installed = true;
	process.on('unhandledRejection', (reason) => log('unhandled rejection (the node keeps serving):', reason));
}
