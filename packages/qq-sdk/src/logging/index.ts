export { resolveLogger, type Logger, type LogLevel } from './Logger.js';
