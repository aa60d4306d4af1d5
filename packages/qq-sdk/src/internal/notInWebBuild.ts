import { QQValidationError, type ValidationIssue } from '../errors/QQValidationError.js';

/**
 * The issue for an option the web build cannot honour: names it and what to use instead.
 *
 * @internal
 */
export function webBuildIssue(path: string, instead: string): ValidationIssue {
  return { path, message: `needs Node, and this is qq-sdk's web build (Workers, Deno, Bun, browsers): ${instead}` };
}

/**
 * The error the web build's stand-ins for Node-only parts throw.
 *
 * @internal
 */
export function notInWebBuild(what: string, path: string, instead: string): QQValidationError {
  return new QQValidationError(what, [webBuildIssue(path, instead)]);
}
