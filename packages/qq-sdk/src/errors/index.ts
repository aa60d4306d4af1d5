export { QQError } from './QQError.js';
