export { startServer, DEFAULT_MAX_BODY, type RunningServer, type ServerOptions } from './server';
