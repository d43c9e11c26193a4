// The fault tests' link breaker is the one `npm run demo -- --edge` uses to cut its edge's link.
export { startTcpProxy, type TcpProxy } from '../../src/lib/server/net/tcp-proxy';
