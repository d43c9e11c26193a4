// `npm run cluster -- --nodes 3`: N nodes on one database behind HAProxy (server/cluster/run.ts).
import { ClusterArgsError, clusterUsage, parseClusterArgs, type ClusterOptions } from '../cluster/args';
import { ClusterError, runCluster } from '../cluster/run';

let options: ClusterOptions;
try {
	options = parseClusterArgs(process.argv.slice(2), process.env);
} catch (error) {
	if (!(error instanceof ClusterArgsError)) throw error;
	console.error(`npm run cluster: ${error.message}\n\n${clusterUsage}`);
	process.exit(1);
}
if (options.help) {
	console.log(clusterUsage);
	process.exit(0);
}
runCluster(options).catch((error) => {
	// a ClusterError (no haproxy) is the whole message; anything else also shows where it came from
	console.error(`npm run cluster: ${error instanceof ClusterError ? error.message : error}`);
	process.exit(1);
});
