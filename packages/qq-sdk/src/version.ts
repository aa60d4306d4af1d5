declare const __PACKAGE_VERSION__: string;

/** The version of `qq-sdk` this code was built from; injected at build time. */
export const VERSION: string = __PACKAGE_VERSION__;
