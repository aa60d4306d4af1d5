/**
 * qq-sdk/webhook: verifying and answering the QQ platform's HTTP callbacks.
 *
 * @packageDocumentation
 */
export {};
