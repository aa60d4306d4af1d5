declare const __PACKAGE_VERSION__: string;

/** This plugin's version, injected at build time. */
export const PLUGIN_VERSION: string = __PACKAGE_VERSION__;
