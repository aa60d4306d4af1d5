/**
 * qq-sdk/testing: an offline QQ platform simulator that bots' tests run against.
 *
 * @packageDocumentation
 */
export {};
